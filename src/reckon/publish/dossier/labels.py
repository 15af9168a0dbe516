"""The fixed words of a case file, in English and Persian."""

from __future__ import annotations

from typing import Final

LANGUAGES: Final = ("en", "fa")

_EN: Final = {
    "case_file": "Case file",
    "person": "Person",
    "event": "Event",
    "names": "Names in every spelling",
    "fields": "Recorded details",
    "for_investigators": "For investigators and lawyers only. Not published under reckon's "
    "publication rules: do not make public.",
    "published": "The subject is public under reckon's publication rules; this file also "
    "holds private details: for investigators and lawyers, do not make it public.",
    "alleged": "alleged perpetrator",
    "claims": "Claims",
    "claim": "Claim",
    "kind": "Kind",
    "according_to": "According to",
    "quote": "Quote",
    "source": "Source",
    "grade": "Grade (source reliability, information credibility)",
    "corroboration": "Corroboration",
    "supported": "{n} source(s), {m} independent",
    "conflicts": "Conflicts",
    "conflicts_with": "conflicts with claim(s)",
    "no_conflicts": "No claim contradicts another.",
    "timeline": "Timeline",
    "date": "Date",
    "place": "Place",
    "what": "What",
    "sources": "Sources and their custody",
    "sha256": "SHA-256",
    "custody": "Custody record",
    "reliability": "Reliability",
    "confidential": "confidential source",
    "derived_from": "derived from",
    "involvements": "Persons involved",
    "role": "Role",
    "status_as_of": "status as of",
    "generated": "Generated",
    "by": "by",
    "package": "Evidence package (original files, texts, custody entries, manifest of hashes)",
    "head": "Custody log head at generation",
    "accepted_by": "accepted by",
    "statement": "Every item here is a claim made by a source, quoted and graded; reckon "
    "does not state that it is true. Accepted means correctly read from its source.",
}

_FA: Final = {
    "case_file": "پرونده",
    "person": "شخص",
    "event": "رویداد",
    "names": "نام‌ها با همهٔ نگارش‌ها",
    "fields": "جزئیات ثبت‌شده",
    "for_investigators": "فقط برای بازرسان و وکلا. طبق قواعد انتشار منتشر نشده است: "
    "آن را عمومی نکنید.",
    "published": "موضوع این پرونده طبق قواعد انتشار عمومی است؛ این پرونده جزئیات خصوصی نیز "
    "دارد: فقط برای بازرسان و وکلا، آن را عمومی نکنید.",
    "alleged": "عامل ادعایی",
    "claims": "ادعاها",
    "claim": "ادعا",
    "kind": "نوع",
    "according_to": "به گفتهٔ",
    "quote": "نقل قول",
    "source": "منبع",
    "grade": "درجه (اعتبار منبع، اعتبار اطلاعات)",
    "corroboration": "تأیید",
    "supported": "{n} منبع، {m} مستقل",
    "conflicts": "تعارض‌ها",
    "conflicts_with": "در تعارض با ادعای",
    "no_conflicts": "هیچ ادعایی با ادعای دیگر در تعارض نیست.",
    "timeline": "گاه‌شمار",
    "date": "تاریخ",
    "place": "مکان",
    "what": "رویداد",
    "sources": "منابع و زنجیرهٔ نگهداری",
    "sha256": "SHA-256",
    "custody": "زنجیرهٔ نگهداری",
    "reliability": "اعتبار",
    "confidential": "منبع محرمانه",
    "derived_from": "برگرفته از",
    "involvements": "اشخاص درگیر",
    "role": "نقش",
    "status_as_of": "وضعیت در تاریخ",
    "generated": "تهیه‌شده در",
    "by": "توسط",
    "package": "بستهٔ شواهد (پرونده‌های اصلی، متن‌ها، ثبت‌های نگهداری، فهرست هش‌ها)",
    "head": "سر زنجیرهٔ نگهداری هنگام تهیه",
    "accepted_by": "پذیرفته توسط",
    "statement": "هر مورد در اینجا ادعای یک منبع است، با نقل قول و درجه؛ reckon درستی "
    "آن را اعلام نمی‌کند. پذیرفته یعنی درست از منبع خوانده شده است.",
}

KINDS_FA: Final = {
    "arrest": "دستگیری",
    "detention": "بازداشت",
    "transfer": "انتقال",
    "trial": "محاکمه",
    "execution": "اعدام",
    "burial": "دفن",
    "disappearance": "ناپدید شدن",
    "release": "آزادی",
    "affiliation": "وابستگی",
    "ordered": "دستور داد",
    "took_part": "شرکت داشت",
    "was_present": "حضور داشت",
    "sat_on_commission": "عضو هیئت بود",
    "victim": "قربانی",
    "alleged_perpetrator": "عامل ادعایی",
}

_PERSIAN_DIGITS = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")


def labels(lang: str) -> dict[str, str]:
    """The words of a case file in ``lang`` (en or fa)."""
    return dict(_FA if lang == "fa" else _EN)


def kind_label(kind: str, lang: str) -> str:
    if lang == "fa":
        return KINDS_FA.get(kind, kind)
    return kind.replace("_", " ")


def digits(text: str, lang: str) -> str:
    """Persian digits in Persian text (hashes and identifiers are left as they are)."""
    return text.translate(_PERSIAN_DIGITS) if lang == "fa" else text
