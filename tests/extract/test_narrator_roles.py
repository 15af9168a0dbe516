"""First-person narrators, paraphrased commission membership and comparisons."""

from __future__ import annotations

from reckon.extract.narrator import find_narrator
from reckon.extract.pipeline import extract_text

from .claimkinds import kinds


def test_a_testimony_heading_names_the_narrator() -> None:
    text = (
        "Testimony of Roya Farhadian, recorded in Oslo, 2020\n\n"
        "I was arrested in Zanjan in May 1982. Two years later they moved me to Evin, "
        "and I was released in 1989.\n"
    )
    assert kinds(text) >= {
        ("arrest", "Roya Farhadian"),
        ("transfer", "Roya Farhadian"),
        ("release", "Roya Farhadian"),
    }


def test_an_introduction_before_a_quoted_account_names_the_narrator() -> None:
    text = (
        "Behrouz Sadeghpour, 71, a retired printer from Arak, recalls:\n\n"
        '"They came for me in the spring of 1983. I spent five years in Evin Prison."\n'
    )
    assert ("arrest", "Behrouz Sadeghpour") in kinds(text)
    assert ("detention", "Behrouz Sadeghpour") in kinds(text)


def test_a_persian_first_person_verb_is_the_narrator() -> None:
    text = (
        "روایت مهناز کاویانی\n\n"
        "برادرم کامران کاویانی در سال ۱۳۶۲ دستگیر شد.\n\n"
        "دو سال بعد به زندان اوین منتقل شدم و در سال ۱۳۶۸ آزاد شدم.\n"
    )
    found = kinds(text)
    assert ("transfer", "مهناز کاویانی") in found
    assert ("release", "مهناز کاویانی") in found
    assert ("arrest", "کامران کاویانی") in found
    assert ("arrest", "مهناز کاویانی") not in found


def test_without_a_named_narrator_i_is_no_one() -> None:
    text = "I was arrested in 1983 and held in Evin. Later I heard that Kaveh Amini was executed."
    assert find_narrator(text, extract_text(text).mentions) is None
    assert kinds(text) == {("execution", "Kaveh Amini")}


def test_paraphrased_commission_membership() -> None:
    text = (
        "Nima Golshiri served on the committee that questioned prisoners at Vakilabad Prison. "
        "Witnesses describe Farid Seraj as one of the three men who decided who would die. "
        "Omid Karimkhani was a member of the delegation sent from Tehran. "
        "The cleric who asked the questions was Yahya Dastjerdi; he sat on the panel that "
        "decided our fate."
    )
    found = kinds(text)
    for name in ("Nima Golshiri", "Farid Seraj", "Omid Karimkhani", "Yahya Dastjerdi"):
        assert ("sat_on_commission", name) in found
    assert not any(kind == "affiliation" for kind, _ in found)


def test_the_man_who_did_it_was_x() -> None:
    text = "The man who read out the names in the corridor was Saman Rahnavard."
    assert ("took_part", "Saman Rahnavard") in kinds(text)


def test_comparisons_with_other_atrocities_are_not_claims() -> None:
    text = (
        "What happened at Evin belongs on the same page of history as Srebrenica, and its "
        "organisers are no less guilty than Radko Mirovic, who was tried in The Hague. "
        "Like Goran Velic, who was convicted in 2016, they should face a court."
    )
    assert kinds(text) == set()


def test_a_plural_subject_is_no_nearby_name() -> None:
    text = "Prisoners who survived the hall say Kasra Niktab pulled the stools away."
    assert ("release", "Kasra Niktab") not in kinds(text)


def test_persian_we_and_a_dropped_subject() -> None:
    text = (
        "شهادت مریم توانا\n\n"
        "من، مریم توانا، همراه با خواهرم لیلا توانا در تبریز دستگیر شدم. "
        "ماموران ما را به زندان تبریز بردند.\n\n"
        "برادرم کامران توانا معلم بود. چند ماه بعد به ده سال زندان محکوم شد.\n"
    )
    found = kinds(text)
    assert ("arrest", "مریم توانا") in found
    assert ("arrest", "لیلا توانا") in found
    assert ("detention", "مریم توانا") in found
    assert ("detention", "لیلا توانا") in found
    assert ("trial", "کامران توانا") in found  # the subject of "محکوم شد" is dropped


def test_my_father_later_is_the_father_named_first() -> None:
    text = (
        "My father, Hossein Azari, was a teacher in Tabriz. My cousin Nima Azari lived with us. "
        "My father spent six years in Tabriz Prison."
    )
    claims = extract_text(text).as_json()["claims"]
    detention = [c for c in claims if c["type"] == "detention"]
    assert [c["victim"] for c in detention] == ["Hossein Azari"]


def test_a_named_cellmate_was_detained_and_together_with_my_friend_shares_the_claim() -> None:
    text = (
        "Testimony of Reza Molavi\n\n"
        "I was arrested in Rasht in 1983, together with my friend Sina Bahrami. "
        "I spent four years there. My cellmate there, Arman Kazemi, was a teacher."
    )
    found = kinds(text)
    assert ("arrest", "Sina Bahrami") in found
    assert ("detention", "Reza Molavi") in found
    assert ("detention", "Arman Kazemi") in found


def test_a_second_trigger_of_one_event_is_not_about_the_nearest_name() -> None:
    text = (
        "Majid Parsa was arrested in 1985. He was tried in 1986 by a court presided over by "
        "a judge named Farhad Asgari, after a hearing that lasted ten minutes."
    )
    found = kinds(text)
    assert ("trial", "Majid Parsa") in found
    assert ("trial", "Farhad Asgari") not in found


def test_an_interview_asks_you_and_the_answer_says_me() -> None:
    text = (
        "Interview with Dariush Kamali\n\n"
        "Q: When were you arrested?\n"
        "A: In 1981. The guards held me for a month and then sent me to Gohardasht Prison.\n"
    )
    found = kinds(text)
    assert ("arrest", "Dariush Kamali") in found
    assert ("detention", "Dariush Kamali") in found
    assert ("transfer", "Dariush Kamali") in found


def test_commission_members_named_together_and_by_a_copula() -> None:
    text = (
        "A witness said that Parviz Amani was part of the panel that decided the fate of "
        "prisoners. Amani sat alongside Hadi Rostamkhani on the commission, and both of them "
        "approved the executions."
    )
    found = kinds(text)
    assert ("sat_on_commission", "Parviz Amani") in found
    assert ("sat_on_commission", "Hadi Rostamkhani") in found
    assert ("ordered", "Parviz Amani") in found
    assert ("ordered", "Hadi Rostamkhani") in found
    persian = "یکی از اعضای آن هیئت مرتضی کاشانی بود که از همه می‌پرسید."
    assert ("sat_on_commission", "مرتضی کاشانی") in kinds(persian)


def test_a_signature_above_place_and_date_names_the_narrator() -> None:
    text = (
        "I was arrested in Rasht in 1983 and released in 1987.\n\n"
        "Parvaneh Asadi\n"
        "Berlin, June 2020\n"
    )
    found = kinds(text)
    assert ("arrest", "Parvaneh Asadi") in found
    assert ("release", "Parvaneh Asadi") in found


def test_a_committee_that_consisted_of_named_members() -> None:
    text = (
        "The committee that questioned prisoners at Dastgerd Prison consisted of the judge "
        "Hamed Kianfar, the prosecutor Karim Vahedi and a representative of the Ministry of "
        "Intelligence known as Jafar Nasseri. Witnesses also name Saeed Zolfaghari, who was on "
        "the committee for a week. Amir Hosseinpour was summoned by the commission on 5 August."
    )
    found = kinds(text)
    for name in ("Hamed Kianfar", "Karim Vahedi", "Jafar Nasseri", "Saeed Zolfaghari"):
        assert ("sat_on_commission", name) in found
    assert ("trial", "Amir Hosseinpour") in found


def test_a_persian_object_suffix_is_the_narrator() -> None:
    text = (
        "گفتگو با کیانوش رحمانی\n\n"
        "پاسخ: آبان ۱۳۶۰ در اهواز دستگیرم کردند و به زندان کارون بردند.\n"
        "پاسخ: در سال ۱۳۶۸ آزاد شدم.\n"
    )
    found = kinds(text)
    assert ("arrest", "کیانوش رحمانی") in found
    assert ("detention", "کیانوش رحمانی") in found


def test_placed_on_the_panel_and_among_those_taken_before_it() -> None:
    text = (
        "Three of them also placed Jalal Fakhrian on the panel. Among the men taken before "
        "the commission on 5 August 1988 was Mehran Salehpour."
    )
    found = kinds(text)
    assert ("sat_on_commission", "Jalal Fakhrian") in found
    assert ("trial", "Mehran Salehpour") in found


def test_a_counterfactual_is_not_a_claim() -> None:
    text = "Had Kazem Mirzaei been tried for his role, the families would have some justice."
    assert kinds(text) == set()


def test_an_opening_phrase_and_a_relative_where_in_testimony() -> None:
    text = (
        "Statement of Leyla Danesh\n\n"
        "After a month in the Evin interrogation unit, I was sent to the women's ward, where "
        "my cellmate was Sara Omidvar."
    )
    found = kinds(text)
    assert ("detention", "Leyla Danesh") in found
    assert ("detention", "Sara Omidvar") in found


def test_my_brother_and_i_and_my_release() -> None:
    text = (
        "Account of Behzad Tavakoli\n\n"
        "My brother Kourosh and I were arrested in Rasht in January 1982. "
        "I visited the prosecutor's office many times after my release in 1985."
    )
    found = kinds(text)
    assert ("arrest", "Behzad Tavakoli") in found
    assert ("arrest", "Kourosh") in found
    assert ("release", "Behzad Tavakoli") in found


def test_persian_us_names_who_we_were() -> None:
    text = (
        "خاطرات شیرین آزادی\n\n"
        "ما را، من و همسرم کاوه آزادی، در بهمن ۱۳۶۰ در کرج دستگیر کردند و به زندان اوین بردند.\n"
    )
    found = kinds(text)
    for name in ("شیرین آزادی", "کاوه آزادی"):
        assert ("arrest", name) in found
        assert ("detention", name) in found


def test_orders_for_moving_bodies_are_not_execution_orders() -> None:
    text = "Hamid Nasirpour signed the orders for the transfer of the bodies."
    assert ("ordered", "Hamid Nasirpour") not in kinds(text)


def test_a_sentence_listing_the_executed() -> None:
    text = (
        "Those executed included Farid Azizi, a teacher from Eslamabad; Nahid Rezaei, a "
        "nursing student; and Omid Karami. Another prisoner, Jamal Heydari, was transferred "
        "to Evin in July 1988 and has not been heard from since."
    )
    found = kinds(text)
    for name in ("Farid Azizi", "Nahid Rezaei", "Omid Karami"):
        assert ("execution", name) in found
    assert ("disappearance", "Jamal Heydari") in found


def test_a_witness_statement_heading_and_a_guard_who_beat_us() -> None:
    text = (
        "Witness statement: Arash Vafaei\n\n"
        "I was a prisoner in Gohardasht from 1984. A guard named Yadollah Sarmadi beat us "
        "when we asked where they were going. I was released in 1991."
    )
    found = kinds(text)
    assert ("detention", "Arash Vafaei") in found
    assert ("release", "Arash Vafaei") in found
    assert ("took_part", "Yadollah Sarmadi") in found


def test_persian_moved_to_a_prison_is_a_transfer_only() -> None:
    text = "پدرم منصور شجاعی دستگیر شد. مادرم می‌گفت پدرم را بعدها به زندان اوین منتقل کردند."
    found = kinds(text)
    assert ("transfer", "منصور شجاعی") in found
    assert ("detention", "منصور شجاعی") not in found


def test_my_father_named_in_the_next_sentence_and_visited_in_prison() -> None:
    text = (
        "They took my father from our home one night in the winter of 1982. His name was "
        "Javad Mousavi-Nejad. For six years we visited him in Karun Prison."
    )
    found = kinds(text)
    assert ("arrest", "Javad Mousavi-Nejad") in found
    assert ("detention", "Javad Mousavi-Nejad") in found


def test_reported_speech_names_who_it_is_about() -> None:
    text = (
        "سیما رحیمی، خواهر بهرام رحیمی، گفت برادرش در مرداد ۱۳۶۷ در زندان گوهردشت اعدام شد. "
        "ناصر فلاحی که خود از زندانیان آن سال‌ها بود، گفت که در سال ۱۳۶۸ آزاد شده است."
    )
    found = kinds(text)
    assert ("execution", "بهرام رحیمی") in found
    assert ("execution", "سیما رحیمی") not in found
    assert ("detention", "ناصر فلاحی") in found
    assert ("release", "ناصر فلاحی") in found


def test_the_undersigned_and_we_both() -> None:
    text = (
        "I, the undersigned, Parvin Ghaffari, testify as follows. I was arrested in Tabriz "
        "in 1983. My husband, Saeed Ghaffari, was arrested the same day. We were both taken "
        "to a detention centre and then to Tabriz Prison. The deputy, Ali Nasseri, was "
        "reportedly present at the hangings."
    )
    found = kinds(text)
    assert ("arrest", "Parvin Ghaffari") in found
    assert ("detention", "Parvin Ghaffari") in found
    assert ("detention", "Saeed Ghaffari") in found
    assert ("was_present", "Ali Nasseri") in found


def test_one_of_the_prisoners_executed_and_martyred() -> None:
    text = (
        "Kaveh Arasteh, a student arrested in 1982, was one of at least thirty prisoners "
        "executed there on 1 August 1988. Mahmoud Rezvani was martyred in Evin in 1988."
    )
    found = kinds(text)
    assert ("execution", "Kaveh Arasteh") in found
    assert ("execution", "Mahmoud Rezvani") in found


def test_present_as_a_commission_member_is_membership() -> None:
    text = (
        "به گزارش چند زندانی سابق، عباس پورمحمدی در مرداد ۱۳۶۷ به عنوان عضو هیئت مرگ در "
        "زندان وکیل‌آباد حضور داشت. جعفر ناظری که ریاست هیئت را بر عهده داشت، حکم اعدام "
        "ده‌ها زندانی را صادر کرد."
    )
    found = kinds(text)
    assert ("sat_on_commission", "عباس پورمحمدی") in found
    assert ("was_present", "عباس پورمحمدی") not in found
    assert ("sat_on_commission", "جعفر ناظری") in found
    assert ("ordered", "جعفر ناظری") in found


def test_cellmates_who_were_released_are_not_the_subject() -> None:
    text = (
        "Rostam Akbari was detained by plain-clothes agents near Isfahan in 1983. He was "
        "hanged in August 1988, according to two former cellmates who were later released."
    )
    found = kinds(text)
    assert ("arrest", "Rostam Akbari") in found
    assert ("execution", "Rostam Akbari") in found
    assert ("release", "Rostam Akbari") not in found


def test_summoned_to_the_prison_is_no_detention_and_seen_at_the_hangings() -> None:
    text = "روایت لیلا کاظمی\n\nدر آذر ۱۳۶۷ ما را به زندان اوین خواستند و ساکی به ما دادند.\n"
    assert ("detention", "لیلا کاظمی") not in kinds(text)
    english = (
        "Mostafa Pourmand was seen in the prison on the days of the hangings. Her sister "
        "Maryam Rahimi, who was herself held in Evin for two years, remembers him."
    )
    found = kinds(english)
    assert ("was_present", "Mostafa Pourmand") in found
    assert ("detention", "Maryam Rahimi") in found


def test_the_karimi_family_is_not_a_person() -> None:
    text = "Members of the Karimi family who were detained or killed, 1981–1988"
    assert kinds(text) == set()


def test_a_signature_with_place_and_year_on_its_line() -> None:
    text = (
        "در بهار ۱۳۶۱ در تبریز دستگیر شدم. مرا چهار ماه در بازداشتگاه سپاه نگه داشتند و بعد "
        "به زندان تبریز فرستادند.\n\n"
        "منیژه فرهمند – تورنتو، ۱۳۹۸\n"
    )
    found = kinds(text)
    assert ("arrest", "منیژه فرهمند") in found
    assert ("detention", "منیژه فرهمند") in found


def test_a_panel_composed_of_three_officials() -> None:
    text = (
        "The panel, composed of the prosecutor Kazem Bakhtiari, the judge Ebrahim Lotfi and "
        "an intelligence official named Reza Nouri, questioned prisoners at Qezel Hesar."
    )
    found = kinds(text)
    for name in ("Kazem Bakhtiari", "Ebrahim Lotfi", "Reza Nouri"):
        assert ("sat_on_commission", name) in found


def test_arrested_me_and_my_cousin_then_we() -> None:
    text = (
        "Testimony of Dariush Rahnama\n\n"
        "In 1981 four Pasdaran arrested me and my cousin Behnam Rahnama in Shiraz. We spent "
        "the first months in the Shiraz Komiteh and were then moved to Adelabad Prison."
    )
    found = kinds(text)
    for name in ("Dariush Rahnama", "Behnam Rahnama"):
        assert ("arrest", name) in found
        assert ("transfer", name) in found


def test_chaired_by_x_and_brothers_sharing_a_surname() -> None:
    text = (
        "The commission that decided the fate of prisoners in Vakilabad was chaired by "
        "Gholamreza Farzin. Among the prisoners executed on 18 July 1988 were the brothers "
        "Siamak and Kourosh Mahmoudi."
    )
    found = kinds(text)
    assert ("sat_on_commission", "Gholamreza Farzin") in found
    assert ("execution", "Siamak Mahmoudi") in found
    assert ("execution", "Kourosh Mahmoudi") in found


def test_persian_they_took_x() -> None:
    text = "پسرم حمید یزدانی را در آبان ۱۳۶۰ در مشهد گرفتند."
    assert ("arrest", "حمید یزدانی") in kinds(text)


def _kinds_fa(text: str) -> set[tuple[str, str]]:
    return {(c["type"], c["victim"]) for c in extract_text(text).as_json()["claims"]}


def test_persian_first_person_affiliation_and_a_noun_s_my_are_read_by_the_verb() -> None:
    text = (
        "من، کیوان رستگار، در آبان ۱۳۶۰ در قزوین دستگیر شدم. آن زمان هوادار سازمان پیکار بودم.\n"
        "پنج ماه در زندان قزوین زیر بازجویی بودم.\n"
        "در بند ۲ با ناصر ملکی آشنا شدم. ناصر اهل زنجان بود و پیش از آمدن من در همان بند زندانی بود.\n"
    )
    claims = _kinds_fa(text)
    assert ("affiliation", "کیوان رستگار") in claims
    assert ("detention", "کیوان رستگار") in claims
    assert ("detention", "ناصر ملکی") in claims or ("detention", "ناصر") in claims
    # "ناصر اهل زنجان": "اهل" (from) is no surname.
    assert all(c[1] != "ناصر اهل" for c in claims)


def test_persian_together_with_both_a_return_to_prison_and_a_friend_in_one_ward() -> None:
    text = (
        "پسرم مهدی توانا در تیر ۱۳۶۱ همراه با همسرش، نسرین کاوه، در اراک دستگیر شد. هر دو هوادار حزب توده بودند.\n"
        "مهدی مدتی در زندان اراک بود و سپس دوباره به زندان اوین برگشت.\n"
        "دوست مهدی، بیژن صبوری، که در اوین با او در یک بند بود، در سال ۱۳۶۵ آزاد شد.\n"
    )
    claims = _kinds_fa(text)
    for person in ("مهدی توانا", "نسرین کاوه"):
        assert ("arrest", person) in claims, person
        assert ("affiliation", person) in claims, person
    assert ("transfer", "مهدی توانا") in claims
    assert ("detention", "بیژن صبوری") in claims
    # The friend's release is the friend's, not Arash's.
    assert ("release", "بیژن صبوری") in claims
    assert ("release", "مهدی توانا") not in claims
    assert all(c[1] != "مهدی مدتی" for c in claims)


def test_persian_he_arrested_with_his_wife_and_a_panel_headed_by_someone() -> None:
    text = (
        "دربارهٔ برادرم\n\n"
        "برادرم، رضا ملکی، معلم بود. او را در مهر ۱۳۶۰ همراه با همسرش، سارا نوری، در خانه دستگیر کردند. "
        "هر دو هوادار سازمان پیکار بودند.\n"
    )
    claims = _kinds_fa(text)
    for person in ("رضا ملکی", "سارا نوری"):
        assert ("arrest", person) in claims, person
        assert ("affiliation", person) in claims, person
    panel = (
        "من، حمید شریفی، در تبریز دستگیر شدم.\n\n"
        "روز ۱۰ مرداد مرا به اتاقی بردند که هیئتی سه‌نفره در آن نشسته بود و ریاستش با مجید ناصری بود.\n"
    )
    roles = {(c["type"], c["perpetrator"]) for c in extract_text(panel).as_json()["claims"]}
    assert ("sat_on_commission", "مجید ناصری") in roles
    assert ("trial", "حمید شریفی") in _kinds_fa(panel)
