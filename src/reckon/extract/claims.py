"""Claim proposals: who did what to whom, as one sentence of a source states it.

Rules, not a statistical model, so that a coder can see why a claim was
proposed: a trigger phrase names the kind ("was executed", "اعدام شد", "sat on
the commission"); the sentence's people, places and dates fill the roles.

- Victim kinds (arrest … release, affiliation): the victim is the person nearest
  before the trigger (else after it), leaving out speakers ("…, Parsa said") and
  alleged perpetrators; people joined by "and" or commas share the claim. A
  sentence without a name whose subject is a pronoun ("he was hanged"), or a
  list line that starts with the trigger ("Executed at …"), refers to the last
  person named before it. "I", "me", "my" (and Persian first-person verbs) are
  the text's named narrator (`reckon.extract.narrator`); "we" is the narrator and
  the last people named; "my father" is the relative so introduced; a speaker's
  "her brother" is the relative the sentence names.
- Role kinds (ordered, took part, was present, sat on a commission): the alleged
  perpetrator is the person before the trigger (every one, for "both of them"),
  or the name a copula gives ("the man who read out the names was X"); a person
  after it is the victim.
- The place is the one nearest the trigger (after it first), never one that
  follows "from" (a hometown); for a transfer, the place after "to". The date is
  the one nearest the trigger.
- Not claims: negated, hypothetical or counterfactual statements ("was not
  executed", "should be tried", "had X been tried"), indirect questions ("never
  told where she was buried"), sentences of rhetoric or opinion ("a killing
  machine"), comparisons up to the end of their clause ("the same page of
  history as Srebrenica", "like Tuol Sleng"), and statements whose subject is an
  unnamed group ("prisoners who survived …").

Tables on list pages are read by `reckon.extract.tables`, not by these rules.

Only claims about named people are proposed; "thousands were executed" is
left to the coder.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from enum import StrEnum
from itertools import pairwise
from typing import Any

from reckon.extract import syntax
from reckon.extract.gazetteer import name_key
from reckon.extract.mentions import Mention, MentionType
from reckon.extract.text import Sentence

__all__ = ["ROLE_KINDS", "ClaimKind", "ProposedClaim", "merge_duplicates", "propose_claims"]


class ClaimKind(StrEnum):
    ARREST = "arrest"
    DETENTION = "detention"
    TRANSFER = "transfer"
    TRIAL = "trial"
    EXECUTION = "execution"
    BURIAL = "burial"
    DISAPPEARANCE = "disappearance"
    RELEASE = "release"
    AFFILIATION = "affiliation"
    ORDERED = "ordered"
    TOOK_PART = "took_part"
    WAS_PRESENT = "was_present"
    SAT_ON_COMMISSION = "sat_on_commission"
    # A published figure (a death toll, a count of names): recorded by hand as a claim of
    # whoever published it (`reckon.claims.figures`); never proposed from text.
    FIGURE = "figure"


ROLE_KINDS = frozenset(
    {ClaimKind.ORDERED, ClaimKind.TOOK_PART, ClaimKind.WAS_PRESENT, ClaimKind.SAT_ON_COMMISSION}
)

_COMMISSION = r"(?:death\s+)?(?:[\w-]+-member\s+)?(?:commission|committee|board|panel|delegation)"
_POSS = r"(?:his|her|their|its|my|our)"
_OBJ = r"(?:him|her|them|me|us)"
_HOME = r"(?:homes?|house|flat|apartment|workplace|office|shop|school|university|bed)\b"
_FORCES = r"(?:agents|forces|guards|officers|police(?:men)?|men|Revolutionary\s+Guards|Pasdaran|Komiteh|intelligence)\b"
_ADVERB = r"(?:(?:also|later|then|again|still|first|initially|soon|subsequently|himself|herself|themselves|\w+ly)\s+)?"
_PRISONISH = r"(?:prison|jail|gaol|cell|ward|detention|custody|solitary)"
# Synonyms of each kind, English and Persian (verb stems, so every person and tense
# matches: بازداشت شد، بازداشت کردند، بازداشت‌شده). Passive and active forms both: the
# victim is read from the parse where there is one (see `reckon.extract.syntax`).
TRIGGERS: dict[ClaimKind, list[str]] = {
    ClaimKind.ARREST: [
        # (Not a plural noun, "the wave of re-arrests", "mass arrests": arrests in general.)
        r"\b(?:re-?)?arrest(?:ed)?\b", r"(?<!\bof\s)(?<!\bthe\s)(?<!\bmass\s)(?<!\bthese\s)(?<!\bthose\s)\b(?:re-?)?arrests\b", r"\btaken\s+into\s+custody\b", r"\b(?:took|take|dragged)\s+(?:\S+\s+){1,3}?away\b", r"\bseized\b", r"\bapprehended\b",
        r"\brounded\s+up\b", r"\bpicked\s+up\b", r"\babducted\b", r"\bkidnapped\b",
        rf"\b(?:taken|dragged|led|removed)\s+(?:away\s+)?from\s+(?:{_POSS}|the\s+family(?:['’]s)?)\s+(?:[\w'’-]+\s+)?{_HOME}",
        rf"\b(?:taken|dragged|removed)\s+(?:away\s+)?(?:from\s+[^.;]{{0,40}}?\s+)?by\s+(?:the\s+)?(?:[\w-]+\s+){{0,2}}{_FORCES}", rf"\bcame\s+for\s+(?={_OBJ}\b)",
        # "Three men from the komiteh took me and my brother": the trigger is "took" (group "at");
        # "plainclothes agents detained at least two people …, among them X": the forces'
        # detaining is an arrest.
        rf"\b{_FORCES}\s+(?:(?:from|of)\s+(?:the\s+)?(?:[\w-]+\s+){{0,3}}?)?(?:(?:had|have|also|then)\s+)?"
        rf"(?P<at>took(?=\s+{_OBJ}\s+and\b)|detained\b)",
        r"\bdetained\s+(?=(?:in|on)\s+\d)", r"\b(?:detained|held)\s+(?=by\s+(?:[\w-]+\s+){0,2}(?:agents|forces|guards|officers|police|men)\b)",
        rf"\bdetained\s+(?=(?:at|outside|near|in\s+front\s+of)\s+(?:{_POSS}|the)\s+(?:[\w'’]+\s+)?{_HOME})", rf"\b(?:detained|seized|picked\s+up)\s+(?={_OBJ}\b)",
        rf"\b(?:took|dragged|led)\s+(?:{_OBJ}|{_POSS}\s+[\w-]+)\s+(?:away\s+)?from\s+(?:{_POSS}|the)\s+(?:[\w'’-]+\s+)?{_HOME}",
        r"دستگیر", r"بازداشت", r"ربوده", r"(?:او|وی)\s+را\s+گرفتند", r"(?<=را)\s+(?:در\s+\S+\s+(?:\S+\s+)?){0,3}گرفتند(?![\u0621-\u063a\u0641-\u064a\u0671-\u06d3])",
    ],
    ClaimKind.DETENTION: [
        rf"\b(?:was|were|been|being)\s+{_ADVERB}(?:held|imprisoned|jailed|detained|incarcerated|confined|locked\s+up)\b(?!\s+(?:in|on)\s+\d)"
        # "were detained by plain-clothes agents" as they left: the arrest (below), no more.
        r"(?<!detained(?=\s+by\s+(?:[\w-]+\s+){0,2}(?:agents|forces|guards|officers|police|men)\b))",
        # (Not "and kept the lists": a thing kept is no one's detention.)
        rf"\b(?:and|then|later)\s+{_ADVERB}(?:held|imprisoned|jailed|kept|incarcerated|detained)\b(?!\s+(?:in|on)\s+\d)(?!\s+(?:the|a|an|its|their)\s)",
        rf"\b(?:was|were|been|being)\s+{_ADVERB}kept\s+(?:in|at)\b",
        # "In Evin they put me in a women's ward": placed in a ward or cell is held there.
        rf"\b(?:put|placed|threw|locked)\s+{_OBJ}\s+(?:up\s+)?in(?:to)?\s+(?:a|an|the|{_POSS})\s+(?:[\w'’-]+\s+){{0,3}}?(?:ward|cell|prison|jail|solitary|section|block)\b",
        rf"\bserv(?:ed|ing)\s+(?:{_POSS}\s+|a\s+)?(?:[\w-]+\s+){{0,2}}(?:sentence|term)\s+(?:in|at)\b",
        r"\bspent\s+(?:[\w-]+\s+){0,3}(?:years?|months?|weeks?)\s+(?:in|at|there)\b",
        r"\b(?:after|following)\s+(?:[\w-]+\s+){1,2}(?:years?|months?)\s+(?:in|of)\s+(?:prison|jail|detention|custody|solitary)\b",
        r"\b(?:after|following)\s+(?:a|an|one|two|three|four|five|six|several|many|\d+)\s+(?:years?|months?|weeks?)\s+in\s+(?:the\s+)?(?=(?:[\w'’-]+\s+){0,3}?(?:prison|jail|ward|cell|detention|custody|solitary|interrogation|Prison)\b)",
        r"\blast\s+seen\s+(?:alive\s+)?(?:in|at)\s+(?=(?:[\w'’-]+\s+){0,3}?(?:[Pp]rison|[Jj]ail|ward)\b)", r"آخرین\s+بار\s+در\s+زندان",
        # "My cellmate there, Nasrin Pakdel, …": a cellmate is a prisoner.
        r"(?:(?<=\bmy\s)|(?<=\bhis\s)|(?<=\bher\s)|(?<=\bour\s))(?:former\s+)?cell-?mate\b(?=\s*(?:there|in\s+\w+)?\s*(?:,|was\b|were\b))", r"\btaken\s+to\s+(?:a|the)\s+prison\b",
        r"\bsolitary\s+confinement\b", r"\b(?:was|were)\s+(?:my|his|her|our|their)\s+cell-?mates?\b",
        # A list line: "Shahram Bahrami, worker, held in Karun prison from 1983".
        r"(?<=,\s)(?:held|imprisoned|jailed|kept)\s+(?=(?:in|at)\s)", r"\b(?:Held|Detained|Imprisoned|Place\s+of\s+(?:detention|imprisonment))\s*:(?=\s*\S)", rf"\b(?:remained|languished)\s+in\s+(?:[\w-]+\s+){{0,2}}{_PRISONISH}",
        r"\b(?:political\s+)?prisoner\s+(?:in|at)\b", r"\bbehind\s+bars\b",
        # Taken to a prison by name ("drove me to Lakan Prison"), or in one ("Omid was in Qasr Prison").
        rf"\b(?:(?:took|drove|brought)\s+{_OBJ}|(?:taken|driven|brought))\s+(?:straight\s+)?to\s+(?=(?:[A-Z][\w'’-]*\s+){{1,3}}(?:Prison|Jail)\b)",
        r"\b(?:was|were|is|had\s+been)\s+(?:still\s+|already\s+)?in\s+(?=(?:[A-Z][\w'’-]*\s+){1,3}(?:Prison|Jail)\b)",
        r"\bshared\s+(?:a|the|\w+)\s+(?:cell|ward|room)\b(?=\s+with\b)",
        r"\b(?:was|were)\s+(?:also\s+)?in\s+the\s+same\s+(?:ward|cell|prison|section|block|wing|corridor)\b",
        r"\b(?:taken|driven|brought|sent)\s+(?:straight\s+)?to\s+(?:a|the)\s+(?:[\w'’-]+\s+){0,4}?(?:detention\s+cent(?:re|er)|prison|jail)\b",
        r"\bvisit(?:ed|ing)?\s+(?:him|her|them)\s+(?:\w+\s+){0,3}?(?:in|at)\s+(?=(?:[A-Z][\w'’-]*\s+){1,3}(?:Prison|Jail)\b)",
        r"\b(?:was|were)\s+(?:himself\s+|herself\s+|themselves\s+)?(?:one\s+of\s+the|among\s+the)\s+(?:political\s+)?prisoners\b",
        # (Not "مادر یکی از زندانیان", a relative of one of the prisoners.)
        r"(?<![\u0621-\u063a\u0641-\u064a\u0671-\u06d3])(?<!مادر\sیکی\s)(?<!پدر\sیکی\s)(?<!همسر\sیکی\s)(?<!خواهر\sیکی\s)(?<!برادر\sیکی\s)(?<!خانواده\sیکی\s)از\s+زندانیان(?![\u0621-\u063a\u0641-\u064a\u0671-\u06d3])",
        rf"\b(?:held|kept|imprisoned|jailed|locked)\s+{_OBJ}\b(?!\s+(?:in|on)\s+\d)",
        r"زندانی\s+بود", r"در\s+(?:زندان|بازداشتگاه|سلول|انفرادی)\s+(?:\S+\s+){0,3}(?:بود|ماند)(?![\u0621-\u063a\u0641-\u064a\u0671-\u06d3\u200c](?<!م))", r"زندانی\s+شد", r"زندانی\s+کرد", r"محبوس", r"در\s+حبس", r"حبس\s+(?:بود|شد|کشید)",
        r"سال\s+(?:را\s+)?در\s+زندان",
        # "در اوین با او در یک بند بود": in one ward with a prisoner is a prisoner.
        r"در\s+(?:یک|همان|همین)\s+(?:بند|سلول|اتاق)\s+(?:\S+\s+)?بود",
        # "… را به زندان … بردند", not "منتقل کردند" (a transfer) nor "خواستند" (summoned there).
        r"را\s+(?:\S+\s+){0,2}?به\s+(?:زندان|بازداشتگاه)(?![^.،]{0,30}?(?:منتقل|خواستند|احضار|فراخواندند))",
        r"(?<!را\s)به\s+زندان\s+(?:\S+\s+){0,2}?(?:بردند|برده\s+شد|افتاد|فرستادند|فرستاده\s+شد)",
        r"در\s+(?:زندان|بازداشتگاه|سلول|انفرادی)\s+(?:\S+\s+){0,3}?نگه\s+(?:داشتند|داشته|داشت)",
    ],
    ClaimKind.TRANSFER: [
        r"\btransferred\b", rf"\b{_POSS}\s+transfer\s+(?:to|from)\b", r"\b(?:was|were)\s+moved\b", r"\bmoved\s+(?:from|to)\b", r"\brelocated\s+to\b", rf"\bmoved\s+{_OBJ}\s+(?:back\s+)?to\b",
        rf"\bsent\s+{_OBJ}\s+(?:back\s+)?to\s+(?!the\s+gallows|death|(?:the\s+)?firing|{_POSS}\s+death)",
        r"\bbeing\s+(?:sent|moved)\s+to\s+(?!the\s+gallows|death|(?:the\s+)?firing)",
        # "she was taken to Tehran with a group of prisoners": to a town (to a named prison
        # is a detention, below).
        r"\b(?:was|were)\s+taken\s+(?:back\s+)?to\s+(?=[A-Z][\w'’-]+(?:\s+(?:with|in|on|at|and|after|before|for)\b|[.,;]))",
        rf"\b(?:was|were)\s+{_ADVERB}sent\s+to\s+(?!the\s+gallows|death|(?:the\s+)?firing)",
        r"منتقل", r"انتقال\s+(?:داد|یافت)",
        # Back to a prison: "دوباره به اوین برگشت", "به زندان قصر بازگردانده شد" (not home).
        r"(?:(?:دوباره|مجدد(?:اً|ا)?)\s+به\s+(?:زندان\s+)?\S+|به\s+زندان\s+\S+)\s+(?:برگشت|بازگشت|برگرداندند|بازگرداندند|(?:بر|باز)گردانده\s+شد)",
    ],
    ClaimKind.TRIAL: [
        r"\btried\b(?!\s+to\s+(?!death\b)[a-z])", r"\bsentenced\b", r"\b(?:put|placed|brought)\s+on\s+trial\b", r"\b(?:stood|faced)\s+trial\b", r"\bconvicted\b", r"\bcondemned\s+to\b",
        rf"\b(?:taken|brought|appeared|summoned)\s+before\s+(?:the|a|an)\s+(?:[\w-]+\s+){{0,2}}?(?:{_COMMISSION}|court|judge|tribunal)",
        rf"\bwhere\s+the\s+{_COMMISSION}\s+sat\b",
        rf"\b(?:summoned|called(?:\s+out)?|questioned|interviewed|interrogated)\s+by\s+the\s+(?:[\w-]+\s+){{0,2}}?{_COMMISSION}", rf"\bcalled\s+(?:to|before)\s+the\s+{_COMMISSION}",
        # Not a tribunal's own hearing, where witnesses speak ("told the hearing").
        r"(?<!\btold\sthe\s)(?<!\bpublic\s)(?<!\bat\sthe\s)\bhearing\b",
        r"محاکمه", r"به\s+دادگاه",
        # "مرا … به اتاقی بردند که هیئتی سه‌نفره در آن نشسته بود": brought before the panel.
        r"به\s+\S+\s+(?:\S+\s+)?بردند\s+که\s+(?:«)?(?:هیئت|کمیسیون|حاکم\s+شرع|قاضی)", r"(?:نزد|پیش|جلوی|مقابل|به)\s+(?:«)?(?:هیئت|کمیسیون)", r"محکوم\s+(?:شد|کرد)", r"محکوم\s+به",
    ],
    ClaimKind.EXECUTION: [
        r"\bexecuted\b", r"\bexecution\s+of\b", r"\bhanged\b", r"\bmartyred\b", r"به\s+شهادت\s+رسید", r"شهید\s+شد", r"\bput\s+to\s+death\b", r"\bshot\s+dead\b",
        r"\bfiring\s+squad\b", r"\b(?:sent|led|taken|went|walked)\s+to\s+the\s+gallows\b", r"\bkilled\b",
        r"\bhung\b(?=\s+(?:in|at|on|from|with|together|alongside|\d))", r"\bamong\s+(?:those|the\s+prisoners)\s+(?:executed|hanged)\b",
        r"\blost\s+(?:his|her|their)\s+li(?:fe|ves)\b", rf"(?:\b{_POSS}\s+|(?<=['’]s\s))execution\b",
        # Not "sentenced to death" (به اعدام محکوم) nor "the order to execute" (دستور/حکم اعدام).
        # Not "اعدام‌شده" / "اعدام‌شدگان" (executed, as an adjective: "the executed prisoners";
        # but "یکی از اعدام‌شدگان، X" names one of them) nor "اعدام‌ها" (executions in general).
        r"(?<!دستور\s)(?<!حکم\s)(?<!روزهای\s)(?<!روز\s)(?<!شب\s)(?<!شب‌های\s)اعدام(?!\s*محکوم)(?!\u200c?ها(?![\u0621-\u063a\u0641-\u064a\u0671-\u06d3]))"
        r"(?:(?<=یکی\sاز\sاعدام)|(?<=جمله\sاعدام)|(?!\u200c?شدگان))(?!\u200cشده(?!\s+(?:است|بود|اند|بودند)))", r"به\s+دار\s+آویخت", r"به\s+دار\s+کشید", r"تیرباران", r"حلق‌?\s?آویز", r"جان\s+باخت", r"به\s+جوخه",
    ],
    ClaimKind.BURIAL: [
        r"\bburied\b", r"\binterred\b", r"\b(?:mass|unmarked)\s+grave\b", r"\b(?:lie|lies|rest|rests)\s+(?:somewhere\s+|buried\s+)?in\b",
        r"\b(?:his|her|their)\s+grave\s+(?:is|lies)\b",
        r"دفن", r"به\s+خاک\s+سپرد", r"خاکسپاری", r"گور\s+دسته\s*جمعی",
    ],
    ClaimKind.DISAPPEARANCE: [
        r"\bdisappeared\b", r"\bvanished\b", r"\bwent\s+missing\b", r"\bnever\s+(?:seen|heard\s+(?:from|of))\s+again\b",
        r"\b(?:has|have|had)\s+not\s+been\s+(?:seen|heard\s+(?:from|of))\s+(?:since|again)\b", r"\bnothing\s+(?:has|had)\s+been\s+heard\s+(?:from|of)\s+(?:him|her|them)\b",
        r"\bnever\s+saw\s+(?=(?:him|her|them|[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)\s+again\b)", r"\bfate\s+(?:remains\s+|is\s+still\s+|is\s+)?unknown\b",
        r"\bwhereabouts\s+(?:remain\s+|are\s+|is\s+)?(?:still\s+)?unknown\b", r"\bno\s+news\s+(?:of|from|about)\s+(?:him|her|them)\b",
        r"\bno\s+trace\s+of\s+(?:him|her|them)\b", r"\b(?:is|was|remains|remained|went|still|are|were)\s+missing\b",
        r"ناپدید", r"مفقود", r"خبری\s+نشد", r"(?:هیچ\s+)?خبری\s+(?:نیست|نداریم|نداشتیم)", r"بی‌?\s?خبر", r"سرنوشت\s+(?:او|وی)\s+(?:نامعلوم|معلوم\s+نیست)",
    ],
    ClaimKind.RELEASE: [
        r"\breleased\b", rf"\b{_POSS}\s+release\b", r"\bfreed\b", r"\bset\s+free\b", r"\bsurvived\b", r"\bwalked\s+free\b",
        rf"\b(?:was|were|been)\s+{_ADVERB}let\s+(?:go|out)\b", rf"\blet\s+{_OBJ}\s+go\b",
        r"آزاد\s+شد(?!ند)", r"آزاد\s+گردید", r"آزاد\s+کرد", r"از\s+زندان\s+آزاد", r"رها\s+شد",
    ],
    ClaimKind.AFFILIATION: [
        r"\b(?:a|an|and|both|all|as|were|was|became|remained)\s+(?:(?!by\b)[\w-]+\s+)?(?:supporters?|members?|sympathi[sz]ers?|activists?)\s+of\s+(?!the\s+(?:[\w-]+\s+){0,2}(?:commission|committee|family|board|panel|delegation))",
        # "was active in the Tudeh Party's youth organisation" (an organisation's name follows).
        r"\bactive\s+in\s+(?:the\s+)?(?=(?:(?-i:[A-Z])[\w'’-]*\s+){0,4}(?-i:Party|Organi[sz]ation|Front|Union|League|Movement|Mojahedin|Fedaian|Tudeh|Komala|Peykar)\b)",
        # The organisation before the noun: "was a Peykar sympathiser", "a Tudeh Party activist".
        r"\b(?:a|an|as)\s+(?:(?-i:[A-Z])[\w'’-]*\s+){1,3}(?:supporter|member|sympathi[sz]er|activist)\b",
        # A field of a record: "Affiliation: supporter of the Fadaian".
        r"(?<=:\s)(?:supporters?|members?|sympathi[sz]ers?|activists?)\s+of\s+(?!the\s+(?:[\w-]+\s+){0,2}(?:commission|committee|family|board|panel|delegation))",
        rf"\b(?:{_POSS}|for|with)\s+(?:\w+\s+)?(?:support|membership|sympathy)\s+(?:of|for|with|in)\s+(?:the\s+)?(?=[A-Z])",
        r"\b(?:support(?:ed|ing)|sympathi[sz](?:e|es|ed|ing)\s+with|belong(?:ed|ing)\s+to|(?:was\s+)?affiliated\s+with|joined)\s+(?:the\s+)?(?=[A-Z])",
        # Activism for an organisation: "sold newspapers for the League", "handed out leaflets for …".
        r"\b(?:sold|selling|distribut(?:ed|ing)|hand(?:ed|ing)\s+out|pass(?:ed|ing)\s+out|circulat(?:ed|ing))\s+(?:\w+\s+){0,2}?(?:newspapers|leaflets|pamphlets|flyers|publications|bulletins|tracts)\s+for\s+(?:the\s+)?(?=[A-Z])",
        r"هوادار", r"عضو\s+(?:سازمان|حزب|جبهه)", r"عضویت\s+در", r"وابسته\s+به\s+(?:سازمان|حزب|جبهه)",
        r"(?:از\s+)?(?:اعضای|فعالان|فعالین)\s+(?:سازمان|حزب|جبهه|گروه)", r"فعال\s+(?:سازمان|حزب|جبهه)", r"(?:سمپات|طرفدار)(?:ان|های)?\s+(?:سازمان|حزب|جبهه|گروه)",
    ],
    ClaimKind.ORDERED: [
        r"\bordered\b", r"\bgave\s+the\s+orders?\b", rf"\bsigned\s+(?:the\s+|{_POSS}\s+)?(?:death\s+|execution\s+)?(?:warrants?|sentences?|orders?)\b(?!\s+(?:for|to|of)\s+(?:the\s+)?(?:transfer|release|burial|return|delivery|handover|move|removal))",
        r"\bon\s+the\s+orders?\s+of\b", r"\borders?\s+(?:to\s+execute|for\s+the\s+(?:executions?|hangings?))\b[^.;]{0,60}?\b(?:were|was)\s+(?:\w+\s+)?given\s+by\b", r"\bapproved\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:executions?|death\s+sentences?|sentences?)\b",
        r"دستور\s+(?:اعدام|داد)", r"حکم\s+(?:اعدام\s+)?(?:[^\s.،]+\s+){0,3}?(?:را\s+)?(?:صادر|امضا)", r"به\s+دستور",
    ],
    ClaimKind.TOOK_PART: [
        r"\btook\s+part\b", r"\bparticipated\b", r"\bread\s+(?:out\s+)?the\s+names\b",
        r"\binterrogated\b", r"\btortured\b", rf"\bbeat\s+(?:{_OBJ}|prisoners|the\s+prisoners)\b", r"\bcarried\s+out\s+the\s+(?:executions|hangings|sentences?)\b",
        r"\b(?:led|escorted|took|marched|drove)\s+(?:the\s+)?(?:prisoners|(?:him|her|them))\s+to\s+(?:the\s+)?(?:gallows|execution|hall|death)\b",
        r"\b(?:led|escorted|marched)\s+(?:the\s+)?prisoners\b[^.;]{0,40}?\b(?:to|towards|into)\s+(?:the\s+|what\s+[^.;]{0,30}?)?[\"“]?(?:gallows|execution|hall|death)\b",
        # "tied the prisoners' hands before they were taken to the gallows"
        r"\b(?:tied|bound|blindfolded)\s+(?:the\s+)?(?:prisoners['’]?|their)\s*(?:hands|eyes)?(?=[^.;]{0,60}\b(?:gallows|execution|hall|hanged|death)\b)",
        r"\b(?:supervised|oversaw|overseen|oversee|directed|organi[sz]ed)\s+the\s+(?:executions|hangings|(?:loading|removal|burial|transport)\s+of\s+(?:the\s+)?(?:bodies|corpses|dead))\b", r"\bput\s+the\s+nooses?\b",
        r"\bread\s+(?:out\s+)?the\s+(?:list|sentences|verdicts)\b",
        # "helped select prisoners for the so-called death commission", "picked out prisoners for".
        r"\b(?:select(?:ed|ing)?|chose|choosing|picked\s+out|picking\s+out|help(?:ed)?\s+(?:to\s+)?(?:select|choose|pick\s+out))\s+(?:the\s+)?prisoners\s+(?:for|to\s+(?:be\s+)?(?:sent|taken|brought))\b",
        r"\b(?:drew|drawn|drawing|draw)\s+up\s+the\s+(?:lists?|names)\s+of\s+(?:the\s+)?(?:prisoners|those|people)\b",
        r"(?:اسامی|اسم|نام|حکم)(?:‌?ها)?\s+(?:\S+\s+){0,2}?را\s+(?:\S+\s+){0,5}?(?:می‌?\s?)?خواند",
        r"شرکت\s+داشت", r"زندانیان\s+را\s+(?:تا|به)\s+(?:پای\s+)?(?:چوبه‌?\s?(?:های\s+)?دار|اعدام)", r"مشارکت\s+داشت", r"بازجویی\s+(?:کرد|می‌?کرد)", r"شکنجه\s+(?:کرد|می‌?کرد|داد)",
    ],
    ClaimKind.WAS_PRESENT: [
        rf"\b(?:was|were)\s+{_ADVERB}present\b",
        r"\b(?:was|were)\s+seen\s+(?:in|at)\s+(?:the\s+)?[\w-]+(?:\s+[\w-]+)?\s+(?:on|during)\s+(?:the\s+)?(?:days?|nights?)\s+of\s+the\s+(?:executions|hangings)\b", r"\bwatched\s+the\s+(?:executions|hangings)\b", r"\battended\s+the\s+(?:executions|hangings)\b",
        r"\bwitnessed\s+the\s+(?:executions|hangings)\b",
        r"حضور\s+داشت", r"حاضر\s+بود",
    ],
    ClaimKind.SAT_ON_COMMISSION: [
        rf"\b(?:sat|served|sitting|serving)\s+(?:as\s+(?:a\s+|the\s+|its\s+)?(?:[\w-]+\s+){{1,3}}?)?on\s+(?:the|a|that|this)\s+(?:[\w-]+\s+){{0,2}}?{_COMMISSION}", rf"\bmember\s+of\s+the\s+{_COMMISSION}",
        # "places Niknam on the commission that questioned prisoners"; "one of the three men who decided".
        rf"\bon\s+the\s+(?:[\w-]+\s+){{0,2}}?{_COMMISSION}\s+(?:that|which|who)\s+(?:\w+\s+)?(?:questioned|interviewed|decided|sentenced|sent|judged|ruled|condemned|determined|chose|selected|interrogated)\b",
        r"\bone\s+of\s+the\s+(?:two|three|four|five|six|\d)\s+(?:men|officials|clerics|judges|members|people|mullahs)\s+(?:who|that)\s+(?:\w+\s+){0,2}?(?:decided|determined|questioned|interviewed|sentenced|sent|judged|ruled|condemned|chose|selected)\b",
        rf"\bpresided\s+over\s+the\s+(?:\w+\s+){{0,2}}{_COMMISSION}",
        # "All three named X, a cleric, as its religious judge, and Y as a member" of the
        # commission just described (kept only where a commission is spoken of: below).
        rf"(?P<as_role>\bas\s+(?:its|the\s+{_COMMISSION}['’]s)\s+(?:[\w-]+\s+)?(?:judge|prosecutor|head|chair(?:man|woman)?|president|secretary|member)\b"
        r"|\bas\s+(?:a|another|one)\s+(?:other\s+)?member\b(?!\s+of\b))",
        # "served as the committee's secretary", "was the panel's prosecutor".
        rf"\b(?:served|acted|sat|was|were)\s+as\s+(?:the\s+)?{_COMMISSION}['’]s\s+[\w-]+",
        rf"\b(?:was|became)\s+the\s+{_COMMISSION}['’]s\s+(?:secretary|head|chair(?:man|woman)?|president|member|prosecutor|judge)\b",
        # "the commission … was chaired by X": X after the trigger (a copula-like "by").
        rf"\b{_COMMISSION}\b[^.;]{{0,120}}?\b(?:chaired|headed|led|presided\s+over)\s+by\b",
        rf"\b(?:was|were|is|are)\s+(?:a\s+|an\s+)?(?:important\s+|key\s+|central\s+)?part\s+of\s+(?:the|a|that|this)\s+(?:[\w-]+\s+){{0,2}}?{_COMMISSION}",
        rf"\b(?:was|were)\s+(?:also\s+|still\s+)?on\s+(?:the|a|that|this)\s+(?:[\w-]+\s+){{0,2}}?{_COMMISSION}",
        # "the three-man committee … consisted of A, B and C".
        rf"\b{_COMMISSION}\b[^.;]{{0,160}}?\b(?:consisted\s+of|consisting\s+of|(?:was\s+)?(?:made\s+up|composed)\s+of|comprised|comprising|included)\b(?=[^.;]*[A-Z\u0621-\u06d3])",
        rf"\bplaced?\s+(?:\S+\s+){{1,5}}?on\s+(?:the|a|that|this)\s+(?:[\w-]+\s+){{0,2}}?{_COMMISSION}",
        rf"\bsat\s+(?:alongside|beside|with|next\s+to)\s+(?:\S+\s+){{1,4}}?on\s+(?:the|a|that|this)\s+(?:[\w-]+\s+){{0,2}}?{_COMMISSION}",
        rf"\b(?:among|one\s+of)\s+(?:the\s+|its\s+)?(?:\w+\s+)?members\s+of\s+(?:the|that|this)\s+(?:[\w-]+\s+){{0,2}}?{_COMMISSION}",
        r"اعضای\s+(?:آن\s+|این\s+)?(?:«)?(?:هیئت|کمیسیون)", r"عضو\s+(?:آن\s+|این\s+)(?:«)?(?:هیئت|کمیسیون)",
        rf"\bmembers?\s+of\s+the\s+(?:\w+\s+){{0,3}}{_COMMISSION}", rf"\b(?:headed|chaired|led)\s+the\s+(?:\w+\s+){{0,2}}{_COMMISSION}",
        # "هیئتی سه‌نفره … نشسته بود و ریاستش با X بود": headed by X.
        r"(?<=هیئتی\s)[^.؛]{0,80}?ریاست(?:ش|\s+(?:آن|این|هیئت|کمیسیون))?\s+با(?=\s)",
        r"(?:هیئت|کمیسیون)[^.؛]{0,80}?(?:ریاستش|به\s+ریاست)(?=\s)",
        r"عضو\s+هیئت", r"عضو\s+کمیسیون", r"عضو\s+(?:«|\")?هیئت\s+مرگ", r"(?:رئیس|ریاست)\s+هیئت",
    ],
}  # fmt: skip

_TRIGGERS = {
    kind: re.compile("|".join(f"(?:{p})" for p in pats), re.I) for kind, pats in TRIGGERS.items()
}
TRIGGER_PATTERNS = _TRIGGERS

# Hypothetical or negated just before a trigger: "should be tried", "was not executed".
_MODAL = re.compile(
    r"(?:\b(?:not|never|should|would|could|must|might|will|shall|(?-i:may))\s+(?:have\s+)?(?:be(?:en)?\s+)?"
    r"|n't\s+(?:have\s+)?(?:be(?:en)?\s+)?|\bto\s+be\s+|\b(?:that|he|she|they|him|her|them)\s+be\s+)(?:\w+\s+)?$",
    re.I,
)
# "never told us where she was buried" (not the relative ", where my cellmate was X").
_INDIRECT = re.compile(
    r"\b(?:whether|if)\b[^.,;]{0,40}$|(?<![,،]\s)\bwhere\b[^.,;]{0,40}$|کجا[^.،]{0,20}$", re.I
)
_PERSIAN_NEGATED = re.compile(
    r"^\s*(?:ن(?:شد|کرد)|نمی‌)|^[^.،]{0,25}(?:نمی‌?دان|معلوم\s+نیست|مشخص\s+نیست|نگفتند)"
)
RHETORIC = re.compile(
    r"killing machine|same tactics|like the nazis|never be forgotten|"
    r"must answer|devoured|bloodthirsty|butcher|ماشین کشتار",
    re.I,
)
# A comparison with other atrocities or other people ("on the same page of history as
# Srebrenica", "no less guilty than the men convicted at Nuremberg", "like Tuol Sleng"):
# what follows the marker, up to the end of its clause, states nothing about this case.
_COMPARISON = re.compile(
    r"\bsame\s+(?:[\w-]+\s+){0,5}?as\b|\b(?:no|not|hardly|any)\s+(?:less|more|different|better|worse)\b[^.;:]{0,50}?\bthan\b"
    r"|\b(?:just\s+|much\s+)?like\b|\breminiscent\s+of\b|\bcompar(?:able|ed|ison)\s+(?:\w+\s+)?(?:to|with)\b"
    r"|\bakin\s+to\b|\bjust\s+as\b|\bas\s+(?:if|though)\b|\b(?:no|not|hardly)\s+different\s+from\b|\bechoe?s?\s+of\b|\bof\s+a\s+piece\s+with\b|\bon\s+a\s+par\s+with\b"
    r"|\bin\s+the\s+(?:same\s+)?(?:league|tradition|company|footsteps)\s+(?:as|of)\b|\bas\s+(?:happened\s+)?(?:in|at)\s+(?=[A-Z])"
    r"|\bthe\s+way\s+(?:\w+\s+){1,3}?did\b"
    r"|(?<![\u0621-\u063a\u0641-\u064a\u0671-\u06d3\u200c])(?:مانند|همانند|همچون|مثل|مشابه|به\s+سان)(?![\u0621-\u063a\u0641-\u064a\u0671-\u06d3\u200c])",
    re.I,
)
_CLAUSE_END = re.compile(
    r"[.;:!?؛]|,\s*(?:and|but|while|whereas|yet)\b|،\s*(?:و|اما|ولی)\b|\s[—–]\s"
)


def _comparisons(text: str, sentence: Sentence) -> list[tuple[int, int]]:
    """The spans of a sentence that compare (marker to the end of its clause)."""
    spans = []
    for match in _COMPARISON.finditer(text, sentence.start, sentence.end):
        end = _CLAUSE_END.search(text, match.end(), sentence.end)
        spans.append((match.start(), sentence.end if end is None else end.start()))
    return spans


# "X was one of at least thirty prisoners executed": X is of the group.
_ONE_OF = re.compile(r"\b(?:was|were|is|are)\s+(?:one\s+of|among)\b", re.I)
_INCLUDED = re.compile(r"\s*(?:included|include|includes|were|are|was|numbered)\b", re.I)
# "Among the men taken before the commission was X": the group includes the one named.
_AMONG = re.compile(r"\W*among\b", re.I)
_OPENS_WITH_PRONOUN = re.compile(r"\W*(?:he|she)\b", re.I)
_SPEAKER_AFTER = re.compile(
    r"^[\s,]*(?:said|says|told|recalled|wrote|recounted|added|testified|testifies|stated|presented|explained)\b"
    # Persian: "X، خواهر Y، گفت …", "X می‌گوید", "X که خود … بود، گفت"
    r"|^\s*(?:[،,](?!\s*که)[^،,.]{0,40}[،,])?\s*(?:گفت|می‌?\s?گوید|گفته\s+است|افزود|نوشت)"
    r"(?![\u0621-\u063a\u0641-\u064a\u0671-\u06d3])",
    re.I,
)
_OF_BEFORE = re.compile(r"\bof\s+$", re.I)
# A relative named to identify someone ("the son of Karim", "پسر علی") is not the subject.
_RELATIVE_BEFORE = re.compile(
    r"\b(?:son|daughter|father|mother|brother|sister|wife|husband|child)\s+of\s+$"
    r"|(?:پسر|دختر|فرزند|برادر|خواهر|همسر|پدر|مادر)\s+$",
    re.I,
)
# "An expert witness, Dr Helen Marsh, described …": a witness speaks about others.
_SPEAKER_BEFORE = re.compile(
    r"according\s+to\s+$|(?:by|from)\s+$"
    # (Not "according to two witnesses, X ordered …": X is then what they say.)
    r"|(?<!\bto\s)\b(?:a|an|the)\s+(?:[\w-]+\s+){0,2}witness\s*,\s*(?:(?:Dr|Mr|Mrs|Ms|Miss|Professor|Prof)\.?\s+)?$",
    re.I,
)
_PRONOUN = re.compile(
    r"\b(?:he|she|him|her|his)\b|\b(?:my|our)\s+(?:father|mother|brother|sister|son|daughter|husband|wife)\b"
    r"|(?<![\u0600-\u06ff])(?:او|وی)(?![\u0600-\u06ff])",
    re.I,
)
_BOTH = re.compile(
    r"\b(?:both|all\s+of\s+them|(?:all|the)\s+(?:two|three|four|five|six)|(?:two|three|four|five|six)\s+of\s+them|they)\b"
    r"|(?<![\u0600-\u06ff])(?:هر\s+(?:دو|سه|چهار)(?:ی\s+آن(?:ها|‌ها))?|هردو)(?![\u0600-\u06ff])",
    re.I,
)
_TOGETHER = re.compile(
    # ("together with my younger brother Kourosh": a kin word may have its adjective.)
    r"^(?:[^.;]*?\s)?(?:together|along)\s+with\s*"
    r"(?:(?:my|his|her|their|our)\s+(?:(?:late|elder|older|younger|little|eldest|youngest)\s+)?[\w-]+,?\s+)?$"
    r"|^\s*(?:,\s*)?(?:with|and)\s*$",
    re.I,
)
_EXPLICITLY_TOGETHER = re.compile(r"\b(?:together|along)\s+with\b", re.I)
_FROM_BEFORE = re.compile(r"(?:\bfrom|\bof|از)\s+$", re.I)
_TO_BEFORE = re.compile(r"(?:\bto|\binto|به)\s+$", re.I)
# Between the items of a list of people: ", the prosecutor ", " and a representative of … known as ".
_AS_MEMBER = re.compile(r"\bas\s+(?:a\s+)?member\s+of\b|به\s+عنوان\s+عضو", re.I)
_LIST_ITEM = re.compile(
    r"^(?:\s*,?\s*(?:a|an|the)?\s*[^.;]{0,60}?)?\s*(?:,|،|;|and|و)\s*(?:and\s+|و\s+)?(?:[^\s.;,،]+\s+){0,10}?[\"“'‘]?$",
    re.I,
)
_JOINER = re.compile(r"^\s*(?:,|،|and|و|,\s*and)\s*$")
# "X در اردیبهشت ۱۳۶۲ همراه با همسرش، Y، … دستگیر شد": X and Y share the claim (a few
# words of date or place between them, no verb: a verb would end X's clause).
# A relation noun before a name ("دوست فرشته، سیمین …"): the name after the comma is that
# relation, not a second person sharing the claim.
_APPOSITION_FA = re.compile(
    r"(?<![\u0600-\u06ff\u200c])(?:دوست|همسر|برادر|خواهر|پدر|مادر|پسر|دختر|هم‌بند|هم‌سلولی|هم‌بندی|وکیل)\s+$"
)
_HE_WITH_FA = re.compile(r"\s*(?:او|وی)\s+(?:را\s+)?")
_WITH_JOINER_FA = re.compile(
    r"\s*(?:(?!(?:شد|کرد|بود|و)(?![\u0600-\u06ff\u200c]))[^\s.،,؛]+\s+){0,4}?"
    r"(?:همراه\s+با|به\s+همراه)\s+(?:[^\s.،,؛]+\s*)?[،,]?\s*"
)


@dataclass(frozen=True)
class ProposedClaim:
    """A claim as one sentence states it, with the mentions that fill its roles."""

    kind: ClaimKind
    start: int  # the quote: the sentence, as character offsets into the text
    end: int
    quote: str
    trigger: tuple[int, int]
    victim: Mention | None = None
    perpetrator: Mention | None = None
    place: Mention | None = None
    date: Mention | None = None
    detail: str | None = None  # for an affiliation: the organisation as written

    def as_json(self) -> dict[str, Any]:
        def name(m: Mention | None) -> str | None:
            return None if m is None else re.sub(r"\s+", " ", m.full_name or m.text)

        return {
            "type": self.kind.value,
            "victim": name(self.victim),
            "perpetrator": name(self.perpetrator),
            "place": None if self.place is None else self.place.normalized,
            "date": None if self.date is None else self.date.normalized,
            "start": self.start,
            "end": self.end,
            "quote": self.quote,
        }

    def key(self) -> tuple[str, str | None, str | None]:
        def k(m: Mention | None) -> str | None:
            return None if m is None else name_key(m.full_name or m.text)

        return (
            self.kind.value,
            k(self.victim),
            k(self.perpetrator) if self.kind in ROLE_KINDS else None,
        )


def _people(mentions: list[Mention]) -> list[Mention]:
    return [m for m in mentions if m.type is MentionType.PERSON]


def _speaker_label(text: str, person: Mention) -> bool:
    """A name that opens its line and is followed by a colon: who speaks the line."""
    line_start = text.rfind("\n", 0, person.start) + 1
    return not text[line_start : person.start].strip() and bool(
        re.match(r"\s*:", text[person.end : person.end + 3])
    )


def _is_speaker(text: str, person: Mention, sentence: Sentence) -> bool:
    after = text[person.end : min(sentence.end, person.end + 90)]
    before = text[max(sentence.start, person.start - 40) : person.start]
    # "The family of X says …": the family speaks, X is spoken of.
    if _SPEAKER_AFTER.match(after) and not _OF_BEFORE.search(before):
        return True
    return bool(_SPEAKER_BEFORE.search(before))


def _excluded(text: str, sentence: Sentence, start: int) -> bool:
    before = text[max(sentence.start, start - 50) : start]
    head = text[sentence.start : start]
    return bool(
        _MODAL.search(before)
        or _INDIRECT.search(before)
        or _COUNTERFACTUAL.match(head)
        or _HEDGED.search(text[max(sentence.start, start - 60) : start])
        or _DENIED.search(text[max(sentence.start, start - 70) : start])
        or _WHOSE_KIN.search(before)
    )


# "X has always denied that any prisoner was executed in his prison", "X denied taking part":
# what is denied is not stated. (Persian: "… را رد کرد" follows its object; see _PERSIAN_NEGATED.)
_DENIED = re.compile(r"\bden(?:y|ies|ied|ying)\b[^.;:]{0,60}$", re.I)


# A guess, not a statement: "perhaps they buried him there", "شاید او را در خاوران دفن کرده
# باشند", "ممکن است … منتقل کرده باشند" (a Persian subjunctive after "perhaps", "it may be").
# Reported speech ("we were told he was buried") is the source's statement and stays.
_HEDGED = re.compile(
    r"\b(?:perhaps|possibly|maybe)\s+(?:\w+\s+){0,3}$"
    r"|(?<![\u0621-\u063a\u0641-\u064a\u0671-\u06d3\u200c])(?:شاید|ممکن\s+است|احتمالاً|احتمالا|چه\s+بسا)"
    r"(?![\u0621-\u063a\u0641-\u064a\u0671-\u06d3\u200c])[^.،]*$",
    re.I,
)


# "Had X been tried …", "Were they to be tried …": a condition, not a statement.
_COUNTERFACTUAL = re.compile(
    r"\W*(?:had|were|should)\s+(?:\S+\s+){1,4}?(?:been|to\s+be)\s+(?:\w+\s+)?$", re.I
)


def _nearest(
    items: list[Mention], trigger: tuple[int, int], *, after_first: bool
) -> Mention | None:
    def distance(m: Mention) -> float:
        if m.start >= trigger[1]:
            return (m.start - trigger[1]) * (1.0 if after_first else 1.5)
        return (trigger[0] - m.end) * (1.5 if after_first else 1.0)

    return min(items, key=distance) if items else None


def _place_for(
    text: str, kind: ClaimKind, places: list[Mention], trigger: tuple[int, int], sentence: Sentence
) -> Mention | None:
    def before(m: Mention) -> str:
        return text[max(sentence.start, m.start - 8) : m.start]

    usable = [m for m in places if not _FROM_BEFORE.search(before(m)) or kind is ClaimKind.ARREST]
    if kind is ClaimKind.TRANSFER:
        targets = [m for m in places if _TO_BEFORE.search(before(m))]
        if targets:
            return targets[-1]
    return _nearest(usable, trigger, after_first=True)


def _joined_before(text: str, before: list[Mention]) -> list[Mention]:
    """The last person before a trigger and those joined to them by "and" or commas."""
    chosen = [before[-1]]
    for person in reversed(before[:-1]):
        gap = text[person.end : chosen[0].start]
        if _APPOSITION_FA.search(text, max(0, person.start - 12), person.start) and _JOINER.match(
            gap
        ):
            break  # "دوست فرشته، سیمین نجفی، که …": Simin is Fereshteh's friend, one person
        if _JOINER.match(gap) or _KIN_JOINER.fullmatch(gap) or _WITH_JOINER_FA.fullmatch(gap):
            chosen.insert(0, person)
        else:
            break
    return chosen


def _joined_after(text: str, after: list[Mention], anchor: int) -> list[Mention]:
    """People after a trigger introduced by "together with", "and" or commas."""
    chosen: list[Mention] = []
    position = anchor
    for person in after:
        if not _TOGETHER.match(text[position : person.start]) and not (
            chosen and _JOINER.match(text[position : person.start])
        ):
            break
        chosen.append(person)
        position = person.end
    return chosen


def _people_at(offsets: list[int], people: list[Mention]) -> list[Mention]:
    found = [p for p in people if any(p.start <= o < p.end for o in offsets)]
    return sorted(found, key=lambda m: m.start)


def _parsed(
    value: list[int] | str | None,
    people: list[Mention],
    before: list[Mention],
    context: _Context,
    text: str = "",
) -> list[Mention]:
    """The people an argument of the parse names; a pronoun is the first person named
    before it in the sentence, else the last person (or group, for "they") named earlier."""
    if value is None:
        return []
    if isinstance(value, str):
        if value in ("i", "me", "my"):
            return [context.narrator] if context.narrator is not None else []
        if value in ("we", "us", "our"):
            group = _we(context)
            return group + [p for p in _and_i(text, people) if p not in group]
        if value in ("they", "them", "their"):
            return list(context.last_group or [])
        if before:
            return [before[0]]
        if context.self_speaker is not None:
            return [context.self_speaker]
        return [context.last_person] if context.last_person is not None else []
    found = _people_at(value, people)
    # "My brother Kourosh and I were arrested": "I" among the conjuncts is the narrator.
    if context.narrator is not None and any(
        re.match(r"(?:I|me)\b", text[o : o + 3]) for o in value
    ):
        found.append(context.narrator)
    return found


@dataclass
class _Context:
    """What earlier sentences tell a later one: who "he" or "both" may be."""

    last_person: Mention | None = None
    last_group: list[Mention] | None = None
    last_named: Mention | None = None
    narrator: Mention | None = None  # who "I" is (`reckon.extract.narrator`)
    interview: bool = False  # an interview's "you" is the narrator
    kin: dict[str, Mention] = field(default_factory=dict)  # "my father" → the one so named
    last_speaker: Mention | None = None  # who spoke in the sentence before
    # "The witness, X, said he had himself been …": the speaker "he" is, in this sentence.
    self_speaker: Mention | None = None
    # Claims the sentence before made about an unnamed group ("sixty prisoners were
    # transferred"): the kind, trigger and quote start, for "One of them, X" next.
    group_claims: list[tuple[ClaimKind, tuple[int, int], int]] = field(default_factory=list)


# "… sixty prisoners were moved to Evin. Among them were X and Y." / "One of them, X, …":
# those named are of the group the sentence before spoke of.
_OF_THE_GROUP = re.compile(
    r"\W*(?:among\s+them\b|(?:one|two|three|some|several|many|most)\s+of\s+(?:them|these|those)\b"
    r"|(?:they|these|those)\s+included\b|یکی\s+از\s+(?:آنها|آن‌ها|ایشان))",
    re.I,
)


_SELF_SPOKEN = re.compile(
    r"\b(?:said|says|told\s+\w+|testified|stated)\s+(?:that\s+)?(?:he|she)\s+(?:\w+\s+){0,2}(?:himself|herself)\b",
    re.I,
)
# "The first witness, X, testified that … He said that he had been held …": the one who
# spoke just before (not in "She said that he was executed": "he" is someone else).
_PRONOUN_SPEAKS = re.compile(
    r"\W*(he|she)\s+(?:also\s+)?(?:said|testified|stated|added|told\s+(?:\w+\s+){1,2}?)"
    r"\s*(?:that\s+)?(he|she)\b",
    re.I,
)


# The narrator's relatives: "My father, Jalal H.", "پدرم جمشید آذرنیا"; later "my father",
# "پدرم" alone is that person.
_KIN_WORDS = r"father|mother|brother|sister|son|daughter|husband|wife|uncle|aunt|cousin|grandfather|grandmother"
_KIN_FA = r"پدر|مادر|برادر|خواهر|پسر|دختر|همسر|شوهر|عمو|دایی|عمه|خاله|پدربزرگ|مادربزرگ"
_KIN = re.compile(
    rf"\b(?:my|our)\s+(?:(?:late|elder|older|younger|little|eldest|youngest)\s+)?({_KIN_WORDS})\b"
    rf"|(?<![\u0621-\u063a\u0641-\u064a\u0671-\u06d3\u200c])({_KIN_FA})(?:‌?(?:م|مان))(?![\u0621-\u063a\u0641-\u064a\u0671-\u06d3\u200c])",
    re.I,
)


# "My elder brother, A, and my younger brother, B, were arrested", "برادر بزرگم، A، و برادر
# کوچکم، B، … دستگیر شدند": A and B both.
_KIN_JOINER = re.compile(
    rf"\s*[,،]?\s*(?:and\s+(?:(?:my|his|her|their|our)\s+)?(?:(?:late|elder|older|younger|little)\s+)?"
    rf"(?:{_KIN_WORDS})|و\s+(?:{_KIN_FA})(?:\s+[^\s،,]+)?)\s*[,،]?\s*",
    re.I,
)


# "X, a 31-year-old engineer whose uncle was executed in 1988": the claim is about an
# unnamed relative of X, not about X (unlike "whose son Babak was arrested").
_WHOSE_KIN = re.compile(
    rf"\bwhose\s+(?:(?:late|elder|older|younger|eldest|youngest)\s+)?(?:{_KIN_WORDS}|friend|cousins|brothers|sisters|sons|daughters|parents)"
    r"\s+(?:was|were|had\s+been|has\s+been|have\s+been)\s+(?:\w+ly\s+)?$",
    re.I,
)


def _kin_key(match: re.Match[str]) -> str:
    return (match.group(1) or match.group(2)).casefold()


_NAME_WAS = re.compile(r"\W*(his|her)\s+(?:full\s+)?name\s+(?:was|is)\s+$", re.I)
_MALE_KIN = frozenset({"father", "brother", "son", "husband", "uncle", "grandfather", "cousin"})
_FEMALE_KIN = frozenset({"mother", "sister", "daughter", "wife", "aunt", "grandmother", "cousin"})


def _named_later(
    text: str, sentences: list[Sentence], mentions: list[Mention], context: _Context
) -> None:
    """ "They took my father … His name was Javad M.": the relative named by "His name
    was" is the one "my father" stands for, from the start: the last relative before it
    that "his" (or "her") fits and that was not named where it was written ("My sister,
    Mahtab" is Mahtab), however many sentences lie between."""
    people = [m for m in mentions if m.type is MentionType.PERSON]
    starts = {p.start for p in people}
    for sentence in sentences:
        person = next((p for p in people if sentence.start <= p.start < sentence.end), None)
        if person is None:
            continue
        named = _NAME_WAS.fullmatch(text[sentence.start : person.start])
        if named is None:
            continue
        fits = _MALE_KIN if named.group(1).casefold() == "his" else _FEMALE_KIN
        for kin in reversed(list(_KIN.finditer(text, 0, sentence.start))):
            key = _kin_key(kin)
            after = re.match(r"[\s,،:]*", text[kin.end() :])
            if key in fits and (after is None or kin.end() + after.end() not in starts):
                context.kin.setdefault(key, person)
                break


def _learn_kin(text: str, sentence: Sentence, people: list[Mention], context: _Context) -> None:
    """Record "my father X" / "پدرم X" (the kin word right before the name)."""
    for person in people:
        before = text[max(sentence.start, person.start - 40) : person.start]
        match = next(reversed(list(_KIN.finditer(before))), None)
        if match is not None and re.fullmatch(r"[\s,،:]*", before[match.end() :]):
            context.kin.setdefault(_kin_key(match), person)


# "her brother", "برادرش": a relative of someone in the sentence, not of the narrator.
_KIN_THIRD = re.compile(
    rf"\b(?:his|her|their)\s+(?:(?:late|elder|older|younger)\s+)?(?:{_KIN_WORDS})\b"
    rf"|(?<![\u0621-\u063a\u0641-\u064a\u0671-\u06d3])(?:{_KIN_FA})(?:‌?(?:ش|شان))(?![\u0621-\u063a\u0641-\u064a\u0671-\u06d3])",
    re.I,
)
_SPEECH = re.compile(
    r"\b(?:said|says|told|recalled|added|stated|testified)\b|(?:گفت|می‌?\s?گوید|گفته\s+است|افزود)",
    re.I,
)
_PLURAL_PRONOUN = re.compile(
    r"\b(?:they|them|we|us)\b|آنها|ایشان|(?<![\u0621-\u063a\u0641-\u064a\u0671-\u06d3])ما(?![\u0621-\u063a\u0641-\u064a\u0671-\u06d3])",
    re.I,
)


def _reported(
    text: str, sentence: Sentence, span: tuple[int, int], people: list[Mention],
    speakers: set[int], identifiers: set[int],
) -> list[Mention]:  # fmt: skip
    """Who a reported statement is about when no one else is named: "Sima, the sister of
    Bahram, said her brother was executed" (Bahram); "Naser said he was released" (Naser)."""
    speech = _SPEECH.search(text, sentence.start, span[0])
    if speech is None:
        return []
    clause = text[speech.end() : span[1]]
    named = [p for p in people if p.start in identifiers]
    if _KIN_THIRD.search(clause) and len(named) == 1:
        return named
    talking = [p for p in people if p.start in speakers and p.start not in identifiers]
    others = [p for p in people if p.start not in speakers]
    if len(talking) == 1 and not others and not named and not _PLURAL_PRONOUN.search(clause):
        return talking
    return []


def _kin_subject(head: str, context: _Context) -> Mention | None:
    """The relative "my father" stands for, when the head names one and no one else."""
    found = [context.kin.get(_kin_key(m)) for m in _KIN.finditer(head)]
    named = [p for p in found if p is not None]
    return named[-1] if named else None


# "We were blindfolded", "ما را … بردند", a Persian verb in the first person plural.
_WE_BEFORE = re.compile(
    r"\bwe\s+(?:were\s+|had\s+been\s+|have\s+been\s+|then\s+|later\s+|all\s+|both\s+|\w+ly\s+){0,3}$"
    r"|(?<![\u0621-\u063a\u0641-\u064a\u0671-\u06d3\u200c])ما\s+را(?![\u0621-\u063a\u0641-\u064a\u0671-\u06d3\u200c])[^.]*$|(?<![\u0621-\u063a\u0641-\u064a\u0671-\u06d3\u200c])ما\s+$",  # "ما |را به زندان"
    re.I,
)
_US_AFTER = re.compile(
    r"^\s*us\b|^\s*(?:\S+\s+){0,1}?(?:شدیم|کردیم|بودیم|ماندیم)(?![\u0621-\u063a\u0641-\u064a\u0671-\u06d3\u200c])|^یم(?![\u0621-\u063a\u0641-\u064a\u0671-\u06d3\u200c])",
    re.I,
)
# A Persian verb in the third person singular with no subject named ("… محکوم شد"): the
# subject is dropped, as Persian does, and is the person the text is speaking of.
_FA_THIRD = re.compile(
    r"^(?!\S*‌?ها)[^\s،,]*(?:\s+[^\s،,]+){0,4}?\s+(?:شد|گردید|بود)(?![\u0621-\u063a\u0641-\u064a\u0671-\u06d3\u200c])"
)

# "… بود و هوادار سازمان …": the clause before, joined by "و", has the verb and no subject.
_FA_THIRD_BEFORE = re.compile(
    r"(?<![\u0621-\u063a\u0641-\u064a\u0671-\u06d3\u200c])(?:بود|شد)\s+و\s+$"
)


# The narrator as subject or object: "I was arrested", "they moved me", "مرا … بردند",
# a Persian verb in the first person singular ("دستگیر شدم").
_I_BEFORE = re.compile(
    r"\bI\s+(?:was\s+|had\s+been\s+|have\s+been\s+|had\s+|then\s+|later\s+|also\s+|already\s+|a\s+|an\s+|political\s+|\w+ly\s+){0,4}$"
    # (Not "من" after a preposition: "یک ماه پس از من بازداشت شد" is someone else's arrest.)
    r"|(?<![\u0621-\u063a\u0641-\u064a\u0671-\u06d3\u200c])(?<!از\s)(?<!با\s)(?<!به\s)(?<!برای\s)(?<!مثل\s)(?<!مانند\s)"
    r"(?:من|مرا|اینجانب|بنده)(?![\u0621-\u063a\u0641-\u064a\u0671-\u06d3\u200c])[^.]*$"
    r"|(?<![\u0621-\u063a\u0641-\u064a\u0671-\u06d3\u200c])(?:م|(?<!از\s)(?<!با\s)(?<!به\s)(?<!برای\s)من\s+)$"  # the trigger starts at "را": "م|را به زندان بردند"
    # An object suffix on an earlier verb of the clause: "دستگیرم کردند و به زندان … بردند".
    r"|م\s+(?:کردند|کرده‌?\s?اند|نمودند)(?![\u0621-\u063a\u0641-\u064a\u0671-\u06d3\u200c])[^.،]*$",
)
_ME_AFTER = re.compile(
    r"^\s*(?:me|myself)\b|^\s*(?:\S+\s+){0,1}?(?:شدم|کردم|بودم|ماندم|گشتم|گردیدم|شده‌?\s?ام)(?![\u0621-\u063a\u0641-\u064a\u0671-\u06d3\u200c])"
    r"|^م(?![\u0621-\u063a\u0641-\u064a\u0671-\u06d3\u200c])"  # the trigger ends inside the verb: "آزاد شد|م"
    # "هوادار سازمان مجاهدین خلق بودم": the organisation's words, then "I was" (not across "و").
    r"|^(?:\s+(?!و(?![\u0600-\u06ff]))[^\s.،,؛]+){0,5}?\s+(?:بودم|بوده‌?\s?ام)(?![\u0621-\u063a\u0641-\u064a\u0671-\u06d3\u200c])",
    re.I,
)
_THIRD_PERSON_FA = re.compile(
    r"^[^.،]*?(?<!مرا\s)(?:زندانی|محبوس|آزاد|دستگیر|بازداشت)\s+(?:بود|شد)(?![\u0600-\u06ff\u200c])"
)
_YOU_BEFORE = re.compile(r"\byou\s+(?:were\s+|first\s+|\w+ly\s+){0,2}$", re.I)
_WITH_BEFORE_FA = re.compile(r"(?:همراه\s+با|به\s+همراه|با)\s+(?:\S+\s+)?$")


def _and_i(text: str, people: list[Mention]) -> list[Mention]:
    """ "We were arrested together, my husband Hossein and I": "X and I" are "we"."""
    return [p for p in people if re.match(r"\s*,?\s*and\s+(?:I|me)\b", text[p.end : p.end + 12])]


def _we(context: _Context) -> list[Mention]:
    """ "We": the last group named when the narrator is in it, else the narrator and the
    last group ("I was arrested … My husband was arrested the same day. We were both
    taken to …")."""
    if context.narrator is None:
        return []
    group = list(context.last_group or [])
    return group if context.narrator in group else [context.narrator, *group]


def _first_person(
    text: str, sentence: Sentence, span: tuple[int, int], context: _Context,
    people: list[Mention],
) -> list[Mention]:  # fmt: skip
    """The narrator (and who was "with" them) when the trigger's subject is "I"."""
    if context.narrator is None:
        return []
    head = text[sentence.start : span[0]]
    tail = text[span[1] : sentence.end]
    if _WE_BEFORE.search(head) or _US_AFTER.match(tail):
        # "ما را، من و همسرم X، … دستگیر کردند": those named in the clause are of "us".
        group = _we(context)
        named = [p for p in people if sentence.start <= p.start and p.end <= span[0]]
        named += [p for p in _and_i(text, people) if p.start >= span[1]]
        return group + [p for p in named if p not in group]
    i_before = _I_BEFORE.search(head)
    # "پیش از رسیدن من در همان بند زندانی بود": "من" there is a noun's ("my arrival"); the
    # verb in the third person says the clause's subject is someone else.
    if i_before is not None and _THIRD_PERSON_FA.search(text[span[0] : span[1]] + tail[:12]):
        i_before = None
    spoken = _ME_AFTER.match(tail) is not None or (
        i_before is not None and not _PRONOUN.search(head[i_before.start() :])
    )
    if not spoken and not head.strip(" ,\"“'‘"):
        # "After a month in the Evin interrogation unit, I was sent …": the opening phrase is
        # about the clause's subject.
        spoken = bool(re.match(r"[^.;]*?,\s*I\s+(?:was|had|spent|remained|stayed)\b", tail))
    if context.interview and not spoken:
        # "When were you arrested?" asked of the one interviewed.
        spoken = bool(_YOU_BEFORE.search(head) or re.match(r"\s*you\b", tail, re.I))
    if not spoken:
        return []
    victims = [context.narrator]
    for person in people:
        if (
            sentence.start <= person.start
            and person.end <= span[0]
            and _WITH_BEFORE_FA.search(text[max(sentence.start, person.start - 30) : person.start])
        ):
            victims.append(person)
    return victims


_LABEL = re.compile(r"\s*[\w'’-]+(?:\s+[\w'’-]+){0,3}\s*:\s*")


# A timeline's line: "August 1988 – Executed in Gohardasht", "3 Tir 1361: arrested".
_DATED_LINE = re.compile(r"\s*(?:\d{1,2}\s+)?(?:[A-Z][a-z]+\.?\s+)?\d{3,4}\s*[–—:-]\s*")


def _subject_from_context(
    text: str, sentence: Sentence, span: tuple[int, int], context: _Context
) -> list[Mention]:
    head = text[sentence.start : span[0]]
    if _BOTH.search(head) and context.last_group:
        return list(context.last_group)
    if _OTHERS_KIN_BEFORE.search(head):
        # "handed my mother a bag and said: 'Your husband has been executed'": the claim is
        # about someone else's relative, not "my mother" named earlier in the sentence.
        return []
    relative = _kin_subject(text[sentence.start : span[1]], context)
    if relative is not None:
        return [relative]
    if context.self_speaker is not None and _PRONOUN.search(head):
        return [context.self_speaker]  # "The witness, X, said he had himself been …"
    if context.last_person is None:
        return []
    if sentence.persian and (
        _FA_THIRD.match(text[span[0] : sentence.end]) or _FA_THIRD_BEFORE.search(head)
    ):
        return [context.last_person]
    # A list line opening with the trigger ("Executed at …"), or a labelled field of a
    # record ("Fate: executed in Evin") about the person the record names.
    starts_with_trigger = (
        head.strip(" -–•*0123456789.:") == ""
        or bool(_LABEL.fullmatch(head))
        or bool(_DATED_LINE.fullmatch(head))
    )
    object_pronoun = re.match(r"\s*(?:him|her)\b", text[span[1] : sentence.end], re.I)
    if _PRONOUN.search(head) or starts_with_trigger or object_pronoun:
        return [context.last_person]
    return []


_ACTING_AS = re.compile(r"\s+(?:acting|serving|sitting)\s+as\b", re.I)


def _role_claims(
    text: str, sentence: Sentence, found: list[tuple[ClaimKind, tuple[int, int]]],
    people: list[Mention], speakers: set[int], places: list[Mention], dates: list[Mention],
    context: _Context, parses: syntax.Parses | None,
) -> list[ProposedClaim]:  # fmt: skip
    claims = []
    for kind, span in found:
        if kind not in ROLE_KINDS:
            continue
        before = [p for p in people if p.end <= span[0] and p.start not in speakers]
        # "… was chaired by X": the trigger's own "by" does not make X a source.
        by_trigger = text[span[0] : span[1]].rstrip().endswith(" by")
        after = [
            p for p in people
            if p.start >= span[1]
            and (p.start not in speakers or (by_trigger and not text[span[1] : p.start].strip()))
        ]  # fmt: skip
        args = None if parses is None else parses.arguments(*span)
        actors = [] if args is None else _parsed(args.actor, people, before, context)
        actors = [p for p in actors if p.start not in speakers]
        head = text[sentence.start : span[0]]
        named_inside = [
            p for p in people if span[0] <= p.start < span[1] and p.start not in speakers
        ]
        gap = text[span[1] : after[0].start] if after else ""
        if named_inside and re.match(r"place", text[span[0] : span[1]], re.I):
            # "three of them place X on the commission": X sat on it, not the witnesses.
            perpetrators = []
        elif by_trigger and after and len(gap.split()) <= 4:
            # "The commission that sent A to the gallows was headed by the judge B, with C
            # acting as prosecutor": B (and C), never A, whom the commission judged.
            perpetrators = [after[0]]
            for person in after[1:]:
                joined = text[perpetrators[-1].end : person.start]
                if _LIST_ITEM.match(joined) or (
                    re.search(r"\bwith\s+$", joined) and _ACTING_AS.match(text, person.end)
                ):
                    perpetrators.append(person)
            after = []
        elif actors:
            perpetrators = actors
            patients = _parsed(args.patient if args else None, people, [], context)
            patients = [p for p in patients if p not in actors]
            if patients:
                after = patients
            elif after and after[0].start < actors[0].end:
                after = []
        elif _BOTH.search(head) and (len(before) > 1 or context.last_group):
            # "… and that both of them approved the executions": each is named.
            perpetrators = before if len(before) > 1 else list(context.last_group or [])
        elif before:
            perpetrators = [before[-1]]
        elif kind is ClaimKind.SAT_ON_COMMISSION and after and len(gap.split()) <= 3:
            # "One of the members of that commission was X", "یکی از اعضای آن هیئت X بود";
            # "… consisted of the judge A, the prosecutor B and C": each one listed.
            perpetrators = [after[0]]
            for person in after[1:]:
                if not _LIST_ITEM.match(text[perpetrators[-1].end : person.start]):
                    break
                perpetrators.append(person)
            after = []
        elif _PRONOUN.search(head) and context.last_named is not None:
            perpetrators = [context.last_named]
        elif kind is ClaimKind.SAT_ON_COMMISSION and named_inside:
            perpetrators = []  # "witnesses placed X on the panel": X, below
        else:
            continue
        if kind is ClaimKind.SAT_ON_COMMISSION and not by_trigger:
            # "sat alongside X on the commission": X sat on it too.
            perpetrators = perpetrators + [p for p in named_inside if p not in perpetrators]
        if kind is ClaimKind.WAS_PRESENT and _AS_MEMBER.search(text, sentence.start, span[0]):
            continue  # "present as a member of the commission": the membership, not presence
        for perpetrator in perpetrators:
            # (A seat on a commission has no victim: a name after it is another member.)
            victims = (
                []
                if kind is ClaimKind.SAT_ON_COMMISSION
                else [p for p in after if p not in perpetrators]
            )
            claims.append(
                ProposedClaim(
                    kind, sentence.start, sentence.end, sentence.text, span,
                    victim=victims[0] if victims else None, perpetrator=perpetrator,
                    place=_place_for(text, kind, places, span, sentence),
                    date=_nearest(dates, span, after_first=True),
                )
            )  # fmt: skip
    return claims


def propose_claims(
    text: str,
    sentences: list[Sentence],
    mentions: list[Mention],
    parses: syntax.Parses | None = None,
    narrator: Mention | None = None,
    interview: bool = False,
) -> list[ProposedClaim]:
    """Claims proposed from ``text``, one per kind and person, in order of appearance.

    ``parses`` is spaCy's parse of each sentence (English); with it, a trigger's victim and
    alleged perpetrator are its grammatical arguments (`reckon.extract.syntax`)
    where the parse names a person, and the word-order rules decide elsewhere.
    """
    proposals: list[ProposedClaim] = []
    context = _Context(narrator=narrator, interview=interview)
    _named_later(text, sentences, mentions, context)
    officials = _officials(text, _people(mentions))
    previous = {b.start: a.start for a, b in pairwise(sentences)}
    for sentence in sentences:
        inside = [m for m in mentions if sentence.start <= m.start and m.end <= sentence.end]
        people = _people(inside)
        speakers = {p.start for p in people if _is_speaker(text, p, sentence)}
        if context.interview:
            # "Tavakolian: Qorban? Of course. He was in my room": a transcript's speaker
            # label says who talks, and the "he" after it is someone else.
            speakers |= {p.start for p in people if _speaker_label(text, p)}
        identifiers = {
            p.start
            for p in people
            if _RELATIVE_BEFORE.search(text[max(sentence.start, p.start - 20) : p.start])
        }
        speaks = _PRONOUN_SPEAKS.match(sentence.text)
        if speaks and context.last_speaker and speaks[1].lower() == speaks[2].lower():
            context.last_person = context.last_speaker
        context.last_speaker = next(
            (p for p in people if p.start in speakers and p.start not in identifiers), None
        )
        context.self_speaker = (
            context.last_speaker
            if context.last_speaker is not None
            and _SELF_SPOKEN.search(text, context.last_speaker.end, sentence.end)
            else None
        )
        speakers |= identifiers
        _learn_kin(text, sentence, people, context)
        places = [m for m in inside if m.type is MentionType.PLACE]
        dates = [m for m in inside if m.type is MentionType.DATE]
        orgs = [m for m in inside if m.type is MentionType.ORG]
        if RHETORIC.search(sentence.text):
            continue
        compared = _comparisons(text, sentence)
        if compared:
            people = [p for p in people if not any(s <= p.start < e for s, e in compared)]
        found: list[tuple[ClaimKind, tuple[int, int]]] = []
        for kind, pattern in _TRIGGERS.items():
            for match in pattern.finditer(text, sentence.start, sentence.end):
                span = match.span("at") if match.groupdict().get("at") else match.span()
                if any(m.start <= span[0] < m.end for m in inside):
                    continue  # inside a name ("Execution Square")
                if any(s <= span[0] < e for s, e in compared):
                    continue
                if _excluded(text, sentence, span[0]) or _PERSIAN_NEGATED.match(
                    text[span[1] : sentence.end]
                ):
                    continue
                if parses is not None and parses.is_modifier(*span):
                    continue
                if match.groupdict().get("as_role") and not _of_a_commission(
                    text, previous.get(sentence.start, sentence.start), sentence, span
                ):
                    continue  # "as its judge" of no commission: a court's, a party's
                found.append((kind, span))
        # "Shirin, who had been in Evin longer than any of us": in a place the gazetteer
        # knows as a prison (its name need not say "Prison").
        for place in places:
            held = _IN_PLACE.search(text, max(sentence.start, place.start - 40), place.start)
            if (
                place.kind == "prison"
                and held is not None
                and not any(k is ClaimKind.DETENTION for k, _ in found)
                and not _excluded(text, sentence, held.start())
                and not _VISITING.match(text, place.end)
            ):
                found.append((ClaimKind.DETENTION, held.span()))
        found.sort(key=lambda f: f[1][0])
        group_claims, context.group_claims = context.group_claims, []
        if group_claims and _OF_THE_GROUP.match(sentence.text):
            proposals += _group_members(text, sentence, people, speakers, group_claims)
        role_claims = _role_claims(
            text, sentence, found, people, speakers, places, dates, context, parses
        ) + _seen_officials(
            text, sentence, people, speakers, officials, places, dates, context.last_named
        )
        proposals.extend(role_claims)
        perpetrators = {c.perpetrator.start for c in role_claims if c.perpetrator is not None}
        chosen: list[Mention] = []
        read_from_parse: set[ClaimKind] = set()  # kinds whose victim the parse named here
        for kind, span in found:
            if kind in ROLE_KINDS:
                continue
            candidates = [p for p in people if p.start not in perpetrators | speakers]
            before = [p for p in candidates if p.end <= span[0]]
            after = [p for p in candidates if p.start >= span[1]]
            args = None if parses is None else parses.arguments(*span)
            # An affiliation is the subject's ("who sold newspapers for the League"), never
            # its object's.
            about = None if args is None else (
                args.subject if kind is ClaimKind.AFFILIATION else args.patient
            )  # fmt: skip
            # A sentence that opens with "He …" speaks of the person before it: its later
            # "him" is that person too, not a name the sentence mentions in passing.
            opens = _OPENS_WITH_PRONOUN.match(sentence.text)
            # "Guards tied the prisoners' hands before they were taken to the gallows": "they"
            # are the prisoners the sentence named before it, no one named earlier.
            they_unnamed = about in ("they", "them") and bool(
                _PRISONERS.search(text, sentence.start, span[0])
            )
            parsed = (
                []
                if they_unnamed
                else _parsed(about, people, [] if opens else before, context, text)
            )
            parsed = [
                p
                for p in parsed
                if p.start not in perpetrators | speakers or p is context.self_speaker
            ]
            # "Prisoners who survived …", "the commanders who were tried": the parse says the
            # claim is about a group no name stands for, not about a name nearby.
            # (The subject only: an object such as "spent three years" is no group of people.)
            subject = None if args is None else args.subject
            unnamed_group = they_unnamed or (
                parses is not None and not parsed and not _AMONG.match(sentence.text)
                and not _ONE_OF.search(text, sentence.start, span[0])
                and isinstance(subject, list) and parses.plural_common(subject)
            )  # fmt: skip
            if unnamed_group and not they_unnamed and _named_group(text, before, span):
                # "Two sisters from Ahvaz, A and B, were arrested": the names set beside the
                # group are the group.
                unnamed_group = False
            first_person = (
                [] if parsed else _first_person(text, sentence, span, context, candidates)
            )
            if parsed:
                read_from_parse.add(kind)
            elif kind in read_from_parse and not _AGAIN.match(text[span[0] : span[1] + 14]):
                # "was tried … by a court presided over by X, after a hearing": the parse
                # already said whose trial this sentence tells; a second trigger of the same
                # kind is the same event, not a claim about the nearest name.
                continue
            if parsed:
                # "… was hanged together with X and Y": they share the claim (a bare
                # "with" does not say so: "held with Alavi" is about the subject).
                joined = _joined_after(text, after, span[1])
                if joined and not _EXPLICITLY_TOGETHER.search(text[span[1] : joined[0].start]):
                    joined = []
                victims = parsed + [p for p in joined if p not in parsed]
            elif first_person:
                victims = first_person + _joined_after(text, after, span[1])
            elif listed := _including(text, sentence, span, candidates):
                victims = listed  # "… who were executed in 1988, including A, B and C"
            elif before and not unnamed_group:
                victims = _joined_before(text, before)
                # "او را … همراه با همسرش، X، … دستگیر کردند": "او" is the person spoken of,
                # arrested with X.
                opening = _HE_WITH_FA.match(text, sentence.start, victims[0].start)
                if (
                    opening is not None
                    and context.last_person is not None
                    and context.last_person not in victims
                    and _WITH_JOINER_FA.fullmatch(text, opening.end(), victims[0].start)
                ):
                    victims = [context.last_person, *victims]
            elif unnamed_group:
                victims = []  # "… according to two cellmates who were later released"
                # The group is the clause's subject ("sixty prisoners were moved"), not a
                # noun a participle describes ("to remember prisoners killed in 1988"):
                # "Among them …" next may name its members.
                if _AUX_BEFORE.search(text, sentence.start, span[0]) or _AUX_OPENS.match(
                    text, span[0]
                ):
                    context.group_claims.append((kind, span, sentence.start))
            else:
                victims = _subject_from_context(text, sentence, span, context)
                if victims:
                    victims = victims + _joined_after(text, after, span[1])
                elif after and kind is not ClaimKind.AFFILIATION and not unnamed_group:
                    victims = [after[0]]
                    # "Those executed included A, a teacher; B, a student; and C": each.
                    if _INCLUDED.match(text[span[1] : sentence.end]) or _AMONG.match(sentence.text):
                        for person in after[1:]:
                            if not _LIST_ITEM.match(text[victims[-1].end : person.start]):
                                break
                            victims.append(person)
            if not victims and not unnamed_group:
                victims = _reported(text, sentence, span, people, speakers, identifiers)
            detail = None
            if kind is ClaimKind.AFFILIATION:
                org = next((o for o in orgs if o.start >= span[1]), None)
                tail = text[span[1] : sentence.end]
                detail = (
                    org.text if org else re.split(r"[,.،;]", tail, maxsplit=1)[0].strip() or None
                )
            perpetrator = next((c.perpetrator for c in role_claims if c.victim in victims), None)
            plain = kind is ClaimKind.AFFILIATION
            for victim in victims:
                proposals.append(
                    ProposedClaim(
                        kind, sentence.start, sentence.end, sentence.text, span, victim=victim,
                        perpetrator=perpetrator,
                        place=None if plain else _place_for(text, kind, places, span, sentence),
                        date=None if plain else _nearest(dates, span, after_first=True),
                        detail=detail,
                    )
                )  # fmt: skip
            for victim in victims:
                if victim not in chosen:
                    chosen.append(victim)
        named = [p for p in people if p.start not in speakers and p.start not in perpetrators]
        # "he" is never the narrator ("I"): the narrator joins groups ("we") only.
        others = [p for p in chosen if p is not context.narrator]
        if others:
            context.last_person = others[0]
            context.last_group = chosen
        elif chosen:
            context.last_group = chosen
        elif named:
            context.last_person = named[0]
            context.last_group = _joined_before(text, named) if len(named) > 1 else named[:1]
        if people:
            context.last_named = people[-1] if not named else named[0]
        elif not chosen and (relative := _kin_subject(sentence.text, context)) is not None:
            # "… the Pasdaran came back for my brother. They arrested him …": a relative
            # the text names elsewhere is the "him" of the next sentence.
            context.last_person = relative
    return merge_duplicates(proposals)


_PRISONERS = re.compile(r"\b(?:the\s+)?(?:prisoners|inmates|detainees|women|men)['’]?\s", re.I)
_AUX = r"\b(?:were|was|had\s+been|have\s+been)\s+"
_AUX_BEFORE = re.compile(rf"{_AUX}(?:\w+\s+)?$", re.I)  # "… were (also) |moved"
_AUX_OPENS = re.compile(_AUX, re.I)  # the trigger itself: "|were moved|"


# Officials by title: "the prison director, X", "deputy prosecutor X", "X, who in 1988 was a
# deputy prosecutor", "Hojatoleslam X".
_TITLE = (
    r"(?:prosecutor|director|warden|governor|judge|official|interrogator|guard|head|chief|deputy|"
    r"cleric|mullah|hojatoleslam|hojjatoleslam|ayatollah|commander|supervisor|representative)"
)
# ("The prosecutor, a man called X", "the assistant prosecutor, whom he identified as X")
_TITLE_BEFORE = re.compile(
    rf"\b{_TITLE}\b[\s,]{{0,3}}(?:(?:a|the)\s+(?:man|woman|cleric|mullah)\s+)?"
    r"(?:(?:called|named|known\s+as|(?:whom\s+\w+\s+)?identified\s+as)\s+)?$",
    re.I,
)
_TITLE_AFTER = re.compile(
    rf"\s*,\s*(?:who\s+(?:in\s+\d{{4}}\s+|then\s+|at\s+the\s+time\s+)?(?:was|is|had\s+been)\s+)?"
    rf"(?:a|an|the|then)?\s*(?:[\w-]+\s+){{0,3}}?{_TITLE}\b",
    re.I,
)
# "X، که در آن زمان ریاست زندان … را بر عهده داشت", "X، دادیار زندان،".
_TITLE_FA = re.compile(
    r"\s*[،,]\s*(?:که\s+)?[^.،]{0,30}?(?:دادیار|دادستان|ریاست|رئیس|حاکم\s+شرع|قاضی|بازجو|زندانبان|مسئول|معاون)"
)
# "نوروزی را در روزهای اعدام در راهروی زندان دیده است": an official seen there.
_SEEN_FA = re.compile(
    r"\s+را\s+[^.،]{0,60}?\s(?:دیده|دیدم|دیدیم|دیدند|دید)(?![\u0621-\u063a\u0641-\u064a\u0671-\u06d3\u200c])"
)
# "he saw the prison warden, X, standing at the entrance", "saw X, whom he knew …, in the
# corridor of Gohardasht": an official seen there was present.
_SAW = re.compile(r"\b(?:saw|had\s+seen|spotted)\s+", re.I)
_SEEN_WHERE = re.compile(
    r"^(?:\s*,[^,.;]{0,70},)?\s*,?\s*(?:standing|sitting|waiting|walking|in|at|inside|beside|near|by|outside|there)\b",
    re.I,
)


def _officials(text: str, people: list[Mention]) -> set[str]:
    """The name keys of people the text gives an official's title."""
    found = set()
    for person in people:
        before = text[max(0, person.start - 40) : person.start]
        if (
            _TITLE_BEFORE.search(before)
            or _TITLE_AFTER.match(text, person.end)
            or _TITLE_FA.match(text, person.end)
            or re.match(_TITLE, person.text, re.I)
        ):
            found.add(name_key(person.full_name or person.text))
    return found


def _seen_officials(
    text: str, sentence: Sentence, people: list[Mention], speakers: set[int],
    officials: set[str], places: list[Mention], dates: list[Mention],
    last_named: Mention | None = None,
) -> list[ProposedClaim]:  # fmt: skip
    claims = []
    for person in people:
        seen_fa = _SEEN_FA.match(text, person.end, sentence.end)
        if seen_fa and name_key(person.full_name or person.text) in officials:
            span = (person.end, seen_fa.end())
            claims.append(
                ProposedClaim(
                    ClaimKind.WAS_PRESENT, sentence.start, sentence.end, sentence.text, span,
                    perpetrator=person,
                    place=_place_for(text, ClaimKind.WAS_PRESENT, places, span, sentence),
                    date=_nearest(dates, span, after_first=True),
                )
            )  # fmt: skip
    for match in _SAW.finditer(text, sentence.start, sentence.end):
        if _excluded(text, sentence, match.start()):
            continue
        seen = next((p for p in people if p.start >= match.end()), None)
        gap = "" if seen is None else text[match.end() : seen.start]
        then = sentence.end if seen is None else seen.end  # where the place phrase starts
        pronoun = re.match(r"(?:him|her)\b", text[match.end() : sentence.end], re.I)
        if pronoun and last_named is not None:
            # "The prosecutor, a man called X, came to our ward. I saw him there."
            seen, gap, then = last_named, "", match.end() + pronoun.end()
        if (
            seen is None
            or seen.start in speakers
            or name_key(seen.full_name or seen.text) not in officials
            or not re.fullmatch(r"(?:the\s+)?(?:[\w-]+[\s,]+){0,3}?", gap)
            or not _SEEN_WHERE.match(text[then : sentence.end])
        ):
            continue
        span = match.span()
        claims.append(
            ProposedClaim(
                ClaimKind.WAS_PRESENT, sentence.start, sentence.end, sentence.text, span,
                perpetrator=seen, place=_place_for(text, ClaimKind.WAS_PRESENT, places, span, sentence),
                date=_nearest(dates, span, after_first=True),
            )
        )  # fmt: skip
    return claims


_INCLUDING = re.compile(
    r"[^.;]*?,\s*(?:including|among\s+them|among\s+whom\s+(?:were|was))\s+$", re.I
)


_INSTITUTION = re.compile(
    r"\b(?:court|tribunal|party|organi[sz]ation|ministry|university|school|council|union|"
    r"association|company|newspaper|office)\b",
    re.I,
)


def _of_a_commission(
    text: str, previous_start: int, sentence: Sentence, span: tuple[int, int]
) -> bool:
    """Whether "as its judge" speaks of a commission: one named in this sentence or the one
    before, and no other body ("the provincial court … appointed X as its judge") before
    the trigger in this one."""
    head = text[sentence.start : span[0]]
    if _INSTITUTION.search(head) and not re.search(_COMMISSION, head, re.I):
        return False
    return bool(re.search(_COMMISSION, text[previous_start : span[0]], re.I))


_IN_PLACE = re.compile(
    r"\b(?:(?:had|has|have)\s+(?:already\s+|also\s+|still\s+)?been|was|were)\s+(?:still\s+|already\s+|also\s+)?in\s+$"
)


# "was in Evin to visit her son", "had been in Evin as a guard": no prisoner there.
_VISITING = re.compile(
    r"(?:\s+[\w-]+){0,3}?\s*,?\s*(?:to\s+(?:visit|see|ask|collect|enquire|inquire|work)|visiting|for\s+(?:a\s+)?visit"
    r"|on\s+(?:a\s+)?visit|as\s+(?:a|an|the|its)\s)",
    re.I,
)


_OTHERS_KIN_BEFORE = re.compile(
    rf"\b(?:your|his|her|their)\s+(?:(?:late|elder|older|younger)\s+)?(?:{_KIN_WORDS})\s+"
    r"(?:has|have|had|was|were|is)\s+(?:been\s+)?(?:\w+ly\s+)?$",
    re.I,
)


_APPOSED_BEFORE_VERB = re.compile(
    r"\s*[,،]\s*(?:(?:were|was|had\s+been|have\s+been|had|have)\s+)?(?:(?:both|all|later|then|\w+ly)\s+)?"
)


def _named_group(text: str, before: list[Mention], span: tuple[int, int]) -> bool:
    """Whether the names right before the trigger stand, between commas, beside the
    group that is its subject ("Two sisters, A and B, were arrested")."""
    if not before:
        return False
    joined = _joined_before(text, before)
    return bool(
        _APPOSED_BEFORE_VERB.fullmatch(text[joined[-1].end : span[0]])
        and text[: joined[0].start].rstrip().endswith((",", "،"))
    )


def _including(
    text: str, sentence: Sentence, span: tuple[int, int], people: list[Mention]
) -> list[Mention]:
    """ "fourteen prisoners who were executed in 1988, including A, B and C": each one."""
    after = [p for p in people if p.start >= span[1]]
    if not after or not _INCLUDING.fullmatch(text[span[1] : after[0].start]):
        return []
    named = [after[0]]
    for person in after[1:]:
        if not _JOINER.match(text[named[-1].end : person.start]):
            break
        named.append(person)
    return named


def _group_members(
    text: str, sentence: Sentence, people: list[Mention], speakers: set[int],
    group_claims: list[tuple[ClaimKind, tuple[int, int], int]],
) -> list[ProposedClaim]:  # fmt: skip
    """The claims about a group, for the members a sentence opening "Among them were X and
    Y" or "One of them, X, … together with his friend Z" names; the quote is both sentences."""
    named = [p for p in people if p.start not in speakers]
    if not named:
        return []
    members = [named[0]]
    for person in named[1:]:
        gap = text[members[-1].end : person.start]
        if _LIST_ITEM.match(gap) or _EXPLICITLY_TOGETHER.search(gap):
            members.append(person)
    claims = []
    for kind, span, start in group_claims:
        quote = text[start : sentence.end]
        for member in members:
            claims.append(ProposedClaim(kind, start, sentence.end, quote, span, victim=member))
    return claims


def merge_duplicates(proposals: list[ProposedClaim]) -> list[ProposedClaim]:
    """One claim per kind and person in a text; a later statement fills what an earlier lacked.

    A detention, transfer or trial stated in another sentence at another named place ("held
    in Lakan prison … held there in Evin") is another claim, not a repetition."""
    merged: list[ProposedClaim] = []
    for claim in proposals:
        key = claim.key()
        same = [i for i, c in enumerate(merged) if c.key() == key]
        if not same:
            merged.append(claim)
            continue
        index = same[0]
        if claim.kind is ClaimKind.ARREST and _again(claim):
            merged.append(claim)  # "re-arrested in 1986", "arrested again": a second arrest
            continue
        if claim.kind in _PER_PLACE and _prison(claim.place, claim.kind):
            index = next((i for i in same if _one_event(merged[i], claim)), -1)
            if index < 0:
                merged.append(claim)
                continue
        first = merged[index]
        merged[index] = replace(
            first,
            place=first.place or claim.place,
            date=first.date or claim.date,
            perpetrator=first.perpetrator or claim.perpetrator,
            detail=first.detail or claim.detail,
        )
    return merged


_PER_PLACE = frozenset({ClaimKind.DETENTION, ClaimKind.TRANSFER, ClaimKind.TRIAL})


_AGAIN = re.compile(
    r"^re-?(?=arrest|detain|imprison)|^[^.;]{0,12}\bagain\b|(?:دوباره|مجدداً|مجددا)\s+(?:\S+\s+){0,2}$"
)


def _again(claim: ProposedClaim) -> bool:
    """Whether a claim's trigger says the event happened again ("re-arrested")."""
    at = claim.trigger[0] - claim.start
    if not 0 <= at <= len(claim.quote):
        return False
    before, after = claim.quote[max(0, at - 30) : at], claim.quote[at:]
    return bool(_AGAIN.match(after) or _AGAIN.search(before))


def _one_event(earlier: ProposedClaim, later: ProposedClaim) -> bool:
    """Whether a later claim of a kind told per place repeats an earlier one: the same
    sentence, the same place, or an earlier claim with no prison (or destination) named."""
    if earlier.start == later.start or not _prison(earlier.place, earlier.kind):
        return True
    first, second = earlier.place, later.place
    return first is None or second is None or first.normalized == second.normalized


def _prison(place: Mention | None, kind: ClaimKind = ClaimKind.DETENTION) -> bool:
    """Whether a place is a prison the gazetteer knows (a town or a cell is no other prison),
    or any named place a transfer went to (another destination is another transfer)."""
    return place is not None and (place.kind == "prison" or kind is ClaimKind.TRANSFER)


# The helpers the table reader (`reckon.extract.tables`) shares.
excluded = _excluded
place_for = _place_for
nearest = _nearest
