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
    "error.title": ("Something went wrong", "خطایی رخ داد"),
    "error.back": ("Back to the home page", "بازگشت به صفحهٔ اصلی"),
    "footer.privacy": (
        "Public pages set no cookies, load nothing from other sites and keep no logs of visitors.",
        "صفحه‌های عمومی کوکی نمی‌گذارند، چیزی از سایت‌های دیگر بار نمی‌کنند و از بازدیدکنندگان "
        "گزارشی نگه نمی‌دارند.",
    ),
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
