"""The two languages of the web pages: English and Persian (right to left, Persian digits).

The language travels in the URL (``?lang=fa``), never in a cookie, so that the
public pages set no cookies at all.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final
from urllib.parse import urlencode

LANGUAGES: Final = ("en", "fa")
_PERSIAN_DIGITS: Final = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")

# One table, so that a missing Persian string is a test failure and not a blank.
MESSAGES: Final[dict[str, tuple[str, str]]] = {
    "site.name": ("reckon: memorial register", "reckon: دفتر یادبود"),
    "site.tagline": (
        "A sourced register of the victims of the 1988 prison executions and other atrocities.",
        "دفتری مستند از قربانیان اعدام‌های زندانیان سیاسی ۱۳۶۷ و دیگر جنایت‌ها.",
    ),
    "nav.home": ("Home", "خانه"),
    "nav.search": ("Search", "جستجو"),
    "nav.places": ("Places", "مکان‌ها"),
    "nav.submit": ("Send information", "ارسال اطلاعات"),
    "nav.work": ("Investigators", "پژوهشگران"),
    "nav.language": ("فارسی", "English"),
    "search.title": ("Find a person", "جستجوی یک نام"),
    "search.label": ("Name, in Persian or Latin letters", "نام، به خط فارسی یا لاتین"),
    "search.button": ("Search", "جستجو"),
    "search.help": (
        "Spelling does not need to be exact: Mohammad, Muhammad and محمد find the same people.",
        "لازم نیست املای نام دقیق باشد: محمد، Mohammad و Muhammad همان افراد را می‌یابند.",
    ),
    "search.results": ("{n} results for “{q}”", "{n} نتیجه برای «{q}»"),
    "search.none": (
        "No published record matches this name yet. Records are published after review; "
        "you can send what you know.",
        "هنوز هیچ سابقهٔ منتشرشده‌ای با این نام نیست. سوابق پس از بررسی منتشر می‌شوند؛ "
        "می‌توانید آنچه می‌دانید را بفرستید.",
    ),
    "search.score": ("match", "تطابق"),
    "person.names": ("Names as written in the sources", "نام‌ها به صورتی که در منابع آمده"),
    "person.sources": ("Sources", "منابع"),
    "person.nothing": (
        "Nothing about this person has been published yet.",
        "هنوز چیزی دربارهٔ این فرد منتشر نشده است.",
    ),
    # the public person and place pages
    "person.what_happened": (
        "What happened, according to the sources",
        "آنچه رخ داد، به گفتهٔ منابع",
    ),
    "person.according_to": ("According to", "به گفتهٔ"),
    "person.reliability": (
        "Reliability of the source (A completely reliable … F cannot be judged)",
        "اعتبار منبع (A کاملاً معتبر … F قابل داوری نیست)",
    ),
    "person.corroboration": (
        "{n} source(s), {k} of them independent",
        "{n} منبع، {k} منبع مستقل",
    ),
    "person.independent": ("{k} independent source(s)", "{k} منبع مستقل"),
    "person.grade": ("grade", "درجه"),
    "person.as_written": ("as written:", "در منبع:"),
    "person.date_unknown": ("date not known", "تاریخ نامعلوم"),
    "person.alleged_perpetrator": ("Alleged perpetrator", "عامل ادعایی"),
    "person.alleged_role": (
        "This person is named as an alleged perpetrator; the allegation is the sources', "
        "not a finding.",
        "این فرد به عنوان عامل ادعایی نام برده شده است؛ این ادعای منابع است، نه حکم.",
    ),
    "person.conflict": ("The sources disagree: {what}", "منابع با هم اختلاف دارند: {what}"),
    "person.conflict_help": (
        "These accounts cannot all be right. Each is shown with its sources; reckon does "
        "not choose between them.",
        "این روایت‌ها نمی‌توانند همه درست باشند. هر یک با منابعش آمده است؛ reckon میان آن‌ها "
        "داوری نمی‌کند.",
    ),
    "person.about_sources": (
        "Every item is what a source says, not a finding. Sources that copy one another or "
        "share an affiliation count as one independent source.",
        "هر مورد گفتهٔ یک منبع است، نه حکم. منابعی که از یکدیگر نقل می‌کنند یا وابستگی "
        "مشترک دارند یک منبع مستقل شمرده می‌شوند.",
    ),
    "places.title": ("Prisons, cemeteries and mass graves", "زندان‌ها، گورستان‌ها و گورهای جمعی"),
    "places.intro": (
        "Places named in the published records, with the persons and events recorded there.",
        "مکان‌هایی که در سوابق منتشرشده آمده‌اند، با افراد و رویدادهای ثبت‌شده در آن‌ها.",
    ),
    "places.none": ("No place has been published yet.", "هنوز مکانی منتشر نشده است."),
    "places.counts": ("{p} person(s), {e} event(s)", "{p} نفر، {e} رویداد"),
    "place.persons": ("Persons recorded here", "افراد ثبت‌شده در این مکان"),
    "place.events": ("Events here", "رویدادها در این مکان"),
    "place.city": ("City", "شهر"),
    "place.victims": ("Victims", "قربانیان"),
    "submit.title": ("Send information", "ارسال اطلاعات"),
    "submit.intro": (
        "Tell us what you know about a person who was arrested, imprisoned or executed. "
        "You do not need to give your name or any way to contact you. This page sets no "
        "cookies, loads nothing from other sites and keeps no record of your address.",
        "آنچه دربارهٔ فردی که بازداشت، زندانی یا اعدام شد می‌دانید بنویسید. لازم نیست نام یا "
        "راه تماسی از خود بدهید. این صفحه کوکی نمی‌گذارد، چیزی از سایت‌های دیگر بار نمی‌کند "
        "و نشانی شما را ثبت نمی‌کند.",
    ),
    "submit.person": ("Name of the person this is about", "نام فردی که این اطلاعات دربارهٔ اوست"),
    "submit.text": ("What you know", "آنچه می‌دانید"),
    "submit.contact": (
        "A way to reach you (optional; leave empty to stay anonymous)",
        "راهی برای تماس با شما (اختیاری؛ برای ناشناس ماندن خالی بگذارید)",
    ),
    "submit.button": ("Send", "ارسال"),
    "submit.thanks": ("Thank you. Your information was received.", "سپاس. اطلاعات شما رسید."),
    "submit.receipt": (
        "Your receipt code (keep it if you want to refer to this later; it is the only link "
        "between you and what you sent):",
        "کد رسید شما (اگر می‌خواهید بعداً به آن اشاره کنید نگهش دارید؛ تنها پیوند میان شما و "
        "آنچه فرستادید همین است):",
    ),
    "work.title": ("Investigators' workspace", "میز کار پژوهشگران"),
    "work.login": ("Log in", "ورود"),
    "work.logout": ("Log out", "خروج"),
    "work.user": ("User name", "نام کاربری"),
    "work.password": ("Password", "گذرواژه"),
    "work.signed_in": ("Signed in as {name} ({role})", "وارد شده به نام {name} ({role})"),
    "work.submissions": ("Submissions awaiting moderation", "ارسال‌های در انتظار بررسی"),
    "work.no_submissions": ("No submissions are waiting.", "ارسالی در انتظار نیست."),
    "nav.estimates": ("Estimates", "برآوردها"),
    "estimates.title": (
        "How many people were killed: estimates and published figures",
        "شمار کشته‌شدگان: برآوردها و ارقام منتشرشده",
    ),
    "estimates.intro": (
        "No list names everyone. From the way the lists overlap, reckon estimates how many "
        "people no list names (multiple systems estimation). Each estimate is shown with its "
        "interval and the method that produced it; figures others have published are shown "
        "beside them, each as its author gave it.",
        "هیچ فهرستی نام همه را ندارد. reckon از همپوشانی فهرست‌ها برآورد می‌کند چند نفر در هیچ "
        "فهرستی نیامده‌اند (برآورد چندسامانه‌ای). هر برآورد با بازه و روشی که آن را به دست داده "
        "نشان داده می‌شود؛ ارقامی که دیگران منتشر کرده‌اند در کنار آن‌ها و همان‌گونه که "
        "گوینده‌شان گفته آمده است.",
    ),
    "estimates.ours": ("Estimates published by this register", "برآوردهای منتشرشده در این دفتر"),
    "estimates.none": ("No estimate has been published yet.", "هنوز برآوردی منتشر نشده است."),
    "estimates.figure": ("{estimate} people in total", "در مجموع {estimate} نفر"),
    "estimates.interval": (
        "{level} interval: {lower} to {upper}",
        "بازهٔ {level}: از {lower} تا {upper}",
    ),
    "estimates.no_upper": (
        "{level} interval: at least {lower}, with no upper bound",
        "بازهٔ {level}: دست‌کم {lower}، بدون کران بالا",
    ),
    "estimates.method": ("Method", "روش"),
    "estimates.named": (
        "{observed} people named on {lists} lists",
        "{observed} نفر با نام در {lists} فهرست",
    ),
    "estimates.stratum": ("Stratum", "لایه"),
    "estimates.estimate": ("Estimate", "برآورد"),
    "estimates.named_short": ("Named", "با نام"),
    "estimates.published_on": ("Published on {date}", "منتشرشده در {date}"),
    "estimates.corrected": ("Corrected: {reason}", "اصلاح‌شده: {reason}"),
    "estimates.theirs": ("Figures others have published", "ارقامی که دیگران منتشر کرده‌اند"),
    "estimates.according_to": ("according to", "به گفتهٔ"),
    "estimates.reported": ("reported in", "گزارش‌شده در"),
    # Admiralty grade: the source's reliability A–F and the figure's credibility 1–6.
    "estimates.grade": ("graded", "درجه"),
    "estimates.chart.log": ("logarithmic scale", "مقیاس لگاریتمی"),
    "estimates.caveat": (
        "An estimate is a statistical result with uncertainty, not a count. Figures by others "
        "are their claims, recorded as given and not checked by this register.",
        "برآورد نتیجه‌ای آماری و همراه با عدم قطعیت است، نه شمارش. ارقام دیگران ادعای خود "
        "آنان است که همان‌گونه که گفته‌اند ثبت شده و این دفتر آن‌ها را بررسی نکرده است.",
    ),
    "estimates.chart.title": (
        "Estimates and published figures on one scale",
        "برآوردها و ارقام منتشرشده در یک مقیاس",
    ),
    "estimates.chart.ours": ("estimate {id} of this register", "برآورد {id} این دفتر"),
    "estimates.chart.draws": (
        "distribution of the draws of the total, with the estimate and its interval",
        "توزیع نمونه‌های شمار کل، همراه با برآورد و بازهٔ آن",
    ),
    "method.lcmcr": ("Bayesian latent-class model (LCMCR)", "مدل طبقات پنهان بیزی (LCMCR)"),
    "method.loglinear": ("Log-linear model", "مدل لگ‌خطی"),
    "method.chapman": ("Two-list estimate (Chapman)", "برآورد دوفهرستی (چپمن)"),
    "method.all": ("Several methods", "چند روش"),
    "estimates.work_title": ("Saved estimates", "برآوردهای ذخیره‌شده"),
    "estimates.none_saved": (
        "No saved estimates yet: run 'reckon estimate --from-workspace --save'.",
        "هنوز برآوردی ذخیره نشده است: فرمان 'reckon estimate --from-workspace --save' را اجرا کنید.",
    ),
    "estimates.not_converged": (
        "The chains did NOT converge: do not report this number.",
        "زنجیره‌ها همگرا نشدند: این عدد را گزارش نکنید.",
    ),
    "estimates.public": ("public", "عمومی"),
    "estimates.private": ("not published", "منتشرنشده"),
    "estimates.saved_by": ("saved by {name} on {date}", "ذخیره‌شده به دست {name} در {date}"),
    "estimates.diagnostics": ("Diagnostics", "شاخص‌های تشخیصی"),
    "estimates.settings": ("Settings", "تنظیمات"),
    "estimates.warnings": ("Warnings", "هشدارها"),
    "work.estimates": ("Estimates, their diagnostics and charts", "برآوردها، شاخص‌ها و نمودارها"),
    # The investigators' claims review and person pages (the other /work pages are English only).
    "claims.title": ("Claims queue", "صف ادعاها"),
    "claims.heading": ("Claims", "ادعاها"),
    "claims.status": ("status", "وضعیت"),
    "claims.kind": ("kind", "نوع"),
    "claims.any": ("any", "همه"),
    "claims.source_number": ("source number", "شمارهٔ منبع"),
    "claims.filter": ("Filter", "پالایش"),
    "claims.count": ("{n} claim(s)", "{n} ادعا"),
    "claims.first_shown": (", the first {n} shown", "، {n} مورد نخست نشان داده شده"),
    "claims.source": ("source", "منبع"),
    "claims.victim": ("victim", "قربانی"),
    "claims.perpetrator": ("alleged perpetrator", "عامل ادعایی"),
    "claims.place": ("place", "مکان"),
    "claims.date": ("date", "تاریخ"),
    "claims.grade": ("grade", "درجه"),
    "claims.detail": ("detail", "جزئیات"),
    "claims.confidential": ("(confidential)", "(محرمانه)"),
    "status.proposed": ("proposed", "پیشنهادی"),
    "status.accepted": ("accepted", "پذیرفته"),
    "status.rejected": ("rejected", "ردشده"),
    "status.all": ("all", "همه"),
    "claim.title": ("Claim {n}", "ادعای {n}"),
    "claim.to": ("to", "تا"),
    "claim.reliability": ("source reliability", "اعتبار منبع"),
    "claim.graded_by": ("graded by", "درجه‌گذاری به دست"),
    "claim.credibility": ("credibility", "اعتبار اطلاعات"),
    "claim.by": ("by", "به دست"),
    "claim.quote": ("The quote in its source", "نقل قول در متن منبع"),
    "claim.decide": ("Decide", "تصمیم"),
    "claim.decide_hint": (
        "Accepting says the claim is read correctly from its source, not that it is true.",
        "پذیرفتن یعنی ادعا درست از منبعش خوانده شده است، نه این‌که درست است.",
    ),
    "claim.credibility_optional": ("credibility (optional)", "اعتبار اطلاعات (اختیاری)"),
    "claim.keep": ("keep {value}", "بدون تغییر: {value}"),
    "claim.reason_optional": ("reason (optional)", "دلیل (اختیاری)"),
    "claim.reason": ("reason", "دلیل"),
    "claim.accept": ("Accept", "پذیرفتن"),
    "claim.reject": ("Reject", "رد کردن"),
    "claim.edit_hint": (
        "Change only what is read wrongly; an edited claim is proposed again.",
        "فقط آنچه نادرست خوانده شده را تغییر دهید؛ ادعای ویرایش‌شده دوباره پیشنهادی می‌شود.",
    ),
    "claim.victim_number": ("victim (person number)", "قربانی (شمارهٔ شخص)"),
    "claim.perpetrator_number": (
        "alleged perpetrator (person number)",
        "عامل ادعایی (شمارهٔ شخص)",
    ),
    "claim.date_as_written": (
        "date, as written (Gregorian or Solar Hijri)",
        "تاریخ، همان‌گونه که نوشته شده (میلادی یا هجری شمسی)",
    ),
    "claim.save_edit": ("Save the edit", "ذخیرهٔ ویرایش"),
    "claim.note_confidential": (
        "The source is confidential; its text is not shown to your role.",
        "منبع محرمانه است؛ متن آن به نقش شما نشان داده نمی‌شود.",
    ),
    "claim.note_no_text": ("The source has no text.", "منبع متنی ندارد."),
    "claim.note_no_quote": (
        "The claim has no quote in the source's text.",
        "این ادعا نقل قولی در متن منبع ندارد.",
    ),
    "claim.done.accept": (
        "Accepted: the claim is read correctly from its source (which is not to say it is true).",
        "پذیرفته شد: ادعا درست از منبعش خوانده شده است (که به معنای درستی آن نیست).",
    ),
    "claim.done.reject": (
        "Rejected: the source does not make this claim.",
        "رد شد: منبع چنین ادعایی نمی‌کند.",
    ),
    "claim.done.edit": (
        "Edited: the claim is proposed again until someone accepts the new reading.",
        "ویرایش شد: ادعا دوباره پیشنهادی است تا کسی خوانش تازه را بپذیرد.",
    ),
    "claim.done.grade": ("Graded.", "درجه ثبت شد."),
    "credibility.1": ("confirmed by other sources", "تأییدشده با منابع دیگر"),
    "credibility.2": ("probably true", "احتمالاً درست"),
    "credibility.3": ("possibly true", "شاید درست"),
    "credibility.4": ("doubtful", "مشکوک"),
    "credibility.5": ("improbable", "نامحتمل"),
    "credibility.6": ("cannot be judged", "قابل داوری نیست"),
    "cluster.person": ("Person", "شخص"),
    "cluster.back": ("Linkage review", "بازبینی پیوند سوابق"),
    "cluster.count": ("{n} record(s)", "{n} سابقه"),
    "cluster.not_done": ("Not done:", "انجام نشد:"),
    "cluster.split_off": ("split off", "جدا کردن"),
    "cluster.split_off_record": ("split off record {n}", "جدا کردن سابقهٔ {n}"),
    "cluster.record": ("record", "سابقه"),
    "cluster.unmerge": ("Unmerge the ticked records", "جدا کردن سوابق علامت‌خورده"),
    "cluster.unmerge_hint": (
        "The records ticked become a person of their own; the decision is recorded as "
        '"different" between them and the rest, and can itself be reviewed.',
        "سوابق علامت‌خورده شخصی جداگانه می‌شوند؛ این تصمیم «متفاوت» میان آن‌ها و بقیه ثبت "
        "می‌شود و خود قابل بازبینی است.",
    ),
    "cluster.unmerged": (
        "Unmerged: the records are now persons {persons}.",
        "جدا شد: سوابق اکنون اشخاص {persons} هستند.",
    ),
    "cluster.why": (
        "Why these records are together (link run {n})",
        "چرا این سوابق با هم‌اند (اجرای پیوند {n})",
    ),
    "cluster.records": ("records", "سوابق"),
    "cluster.probability": ("probability", "احتمال"),
    "cluster.evidence": ("evidence (match weight)", "شواهد (وزن تطابق)"),
    "cluster.reviews": ("Reviews", "بازبینی‌ها"),
    "cluster.none": ("none", "هیچ"),
    "decision.same": ("same", "یکسان"),
    "decision.different": ("different", "متفاوت"),
    "decision.unsure": ("unsure", "نامطمئن"),
    "field.list": ("list", "فهرست"),
    "field.row": ("row", "ردیف"),
    "field.full_name": ("full name", "نام کامل"),
    "field.given_name": ("given name", "نام"),
    "field.surname": ("surname", "نام خانوادگی"),
    "field.father_name": ("father name", "نام پدر"),
    "field.sex": ("sex", "جنس"),
    "field.birth_year": ("birth year", "سال تولد"),
    "field.city": ("city", "شهر"),
    "field.prison": ("prison", "زندان"),
    "field.death_date": ("death date", "تاریخ مرگ"),
    "error.title": ("Something went wrong", "خطایی رخ داد"),
    "error.back": ("Back to the home page", "بازگشت به صفحهٔ اصلی"),
    "footer.privacy": (
        "Public pages set no cookies, load nothing from other sites and keep no logs of visitors.",
        "صفحه‌های عمومی کوکی نمی‌گذارند، چیزی از سایت‌های دیگر بار نمی‌کنند و از بازدیدکنندگان "
        "گزارشی نگه نمی‌دارند.",
    ),
}


# Claim kinds in Persian for the investigators' pages (English shows the stored kind).
_KINDS_FA: Final = {
    "arrest": "بازداشت",
    "detention": "زندان",
    "transfer": "انتقال",
    "trial": "محاکمه",
    "execution": "اعدام",
    "burial": "خاکسپاری",
    "disappearance": "ناپدید شدن",
    "release": "آزادی",
    "affiliation": "وابستگی",
    "ordered": "دستور داد (ادعایی)",
    "took_part": "شرکت داشت (ادعایی)",
    "was_present": "حضور داشت (ادعایی)",
    "sat_on_commission": "عضو هیئت بود (ادعایی)",
    "figure": "رقم منتشرشده",
}


def persian_digits(text: str) -> str:
    """Write the Western digits of ``text`` as Persian digits (۰–۹)."""
    return text.translate(_PERSIAN_DIGITS)


@dataclass(frozen=True)
class Locale:
    """The language of one request and the helpers templates use to speak it."""

    lang: str = "en"

    @classmethod
    def pick(cls, requested: str | None) -> Locale:
        return cls(requested if requested in LANGUAGES else "en")

    @property
    def direction(self) -> str:
        return "rtl" if self.lang == "fa" else "ltr"

    @property
    def other(self) -> str:
        return "en" if self.lang == "fa" else "fa"

    def t(self, key: str, **values: object) -> str:
        """The message ``key`` in this language, with ``{name}`` fields filled in."""
        text = MESSAGES[key][LANGUAGES.index(self.lang)]
        if values:
            text = text.format(**{k: self.num(v) for k, v in values.items()})
        return text

    def maybe(self, prefix: str, value: str) -> str:
        """The message ``prefix.value`` if there is one, else ``value`` as stored (ids, codes)."""
        key = f"{prefix}.{value}"
        return self.t(key) if key in MESSAGES else value.replace("_", " ")

    def kind(self, kind: str) -> str:
        """A claim's kind on the investigators' pages: as stored in English, named in Persian."""
        if self.lang == "en":
            return kind.replace("_", " ")
        return _KINDS_FA.get(kind, kind.replace("_", " "))

    def num(self, value: object) -> str:
        """A number (or any text holding digits) in this language's digits."""
        text = str(value)
        return persian_digits(text) if self.lang == "fa" else text

    def url(self, path: str, lang: str | None = None, **params: object) -> str:
        """A link to ``path`` that keeps this language (the URL is its only carrier)."""
        lang = self.lang if lang is None else lang
        query = {k: str(v) for k, v in params.items() if v is not None}
        if lang != "en":
            query["lang"] = lang
        return path + ("?" + urlencode(query) if query else "")
