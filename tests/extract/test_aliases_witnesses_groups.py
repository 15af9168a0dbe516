"""Parenthesised name forms, witnesses in hearing summaries, groups named in the next
sentence, hedges, comparisons and repeated claims at other places (session 4)."""

from __future__ import annotations

from reckon.extract.mentions import MentionType
from reckon.extract.pipeline import extract_text

from .claimkinds import kinds


def test_a_persian_form_in_parentheses_is_the_same_person_named_in_the_main_script() -> None:
    text = (
        "Statement of Shahla Sepanta (شهلا سپنتا), London, 2018\n\n"
        "They came for me in the winter of 1983, and I was held in Evin for six years."
    )
    extraction = extract_text(text)
    people = [m for m in extraction.mentions if m.type is MentionType.PERSON]
    assert {m.text for m in people} >= {"Shahla Sepanta", "شهلا سپنتا"}  # both stay
    found = kinds(text)
    assert ("arrest", "Shahla Sepanta") in found
    assert ("detention", "Shahla Sepanta") in found
    assert not any(who == "شهلا سپنتا" for _, who in found)


def test_a_latin_form_in_parentheses_in_a_persian_text_names_the_persian_primary() -> None:
    text = "خواهرم زهره امیدی (Zohreh Omidi) در سال ۱۳۶۲ در شیراز دستگیر شد."
    assert kinds(text) == {("arrest", "زهره امیدی")}


def test_a_spelling_variant_in_parentheses_is_no_second_victim() -> None:
    text = "Their son, Bahram Kiani (Bahram Kiyani in older lists), disappeared in 1988."
    assert kinds(text) == {("disappearance", "Bahram Kiani")}


def test_a_given_name_only_relative_taken_with_the_narrator_and_let_go() -> None:
    text = (
        "Testimony of Simin Rastgar\n\n"
        "Two men from the local komiteh took me and my cousin, Nahid, to their car. "
        "Nahid was let go the next morning."
    )
    found = kinds(text)
    assert ("arrest", "Nahid") in found
    assert ("release", "Nahid") in found


def test_an_expert_witness_is_no_commission_member() -> None:
    text = (
        "An expert witness, Dr Homa Lindqvist, described records which show that Hojatoleslam "
        "Reza Moshref sat as prosecutor on the commission that questioned prisoners, and "
        "that he signed the execution orders."
    )
    found = kinds(text)
    assert ("sat_on_commission", "Reza Moshref") in found
    assert ("ordered", "Reza Moshref") in found
    assert not any(who == "Homa Lindqvist" for _, who in found)


def test_a_witness_saw_an_official_there() -> None:
    text = (
        "The second witness, Omid Farrokh, testified that he saw the prison governor, "
        "Nasser Hamidi, standing by the gallows on 1 August 1988. He said that he had been "
        "held in Qezel Hesar Prison since 1984."
    )
    found = kinds(text)
    assert ("was_present", "Nasser Hamidi") in found
    assert ("detention", "Omid Farrokh") in found
    assert ("was_present", "Omid Farrokh") not in found


def test_seeing_a_fellow_prisoner_is_no_presence() -> None:
    text = "Omid Farrokh said he saw his cellmate, Kamran Mehrabi, in the corridor."
    assert not any(kind == "was_present" for kind, _ in kinds(text))


def test_a_tribunals_own_hearing_is_no_trial() -> None:
    text = "Mr Bahman Ranjbar told the hearing that the ward was emptied that week."
    assert kinds(text) == set()


def test_a_group_named_in_the_next_sentence() -> None:
    text = (
        "In the autumn of 1986 some eighty prisoners were transferred from Qasr to Evin. "
        "Among them were Dariush Sohrabi and his brother Ramin Sohrabi. "
        "Dozens of women were also moved to Evin that month. One of them, Zahra Azimi, "
        "was later released."
    )
    found = kinds(text)
    assert {
        ("transfer", "Dariush Sohrabi"),
        ("transfer", "Ramin Sohrabi"),
        ("transfer", "Zahra Azimi"),
    } <= found


def test_a_group_a_participle_describes_is_not_named_next() -> None:
    text = (
        "Mourners gathered to remember prisoners executed in 1988. Among them was Soraya "
        "Parsi, a retired nurse."
    )
    assert ("execution", "Soraya Parsi") not in kinds(text)


def test_persian_hedges_are_no_claims_but_reported_speech_is() -> None:
    text = (
        "برادرم بیژن سلامی در سال ۱۳۶۷ اعدام شد. شاید او را در خاوران دفن کرده باشند. "
        "ممکن است پیش از آن او را به قزلحصار منتقل کرده باشند."
    )
    found = kinds(text)
    assert ("execution", "بیژن سلامی") in found
    assert ("burial", "بیژن سلامی") not in found
    assert ("transfer", "بیژن سلامی") not in found
    told = "برادرم بیژن سلامی اعدام شد. به ما گفتند که او را در خاوران دفن کرده‌اند."
    assert ("burial", "بیژن سلامی") in kinds(told)


def test_english_perhaps_and_may_have_are_no_claims() -> None:
    text = "Javad Nabavi may have been executed in 1988. Perhaps they buried him in Khavaran."
    assert kinds(text) == set()


def test_tried_to_just_as_and_no_different_from_compare() -> None:
    text = (
        "In 1988 they tried to destroy a generation. The judge Hadi Sarmast is no different "
        "from Radovan Karadzic, and one day he will face a court, just as Karadzic was tried "
        "in The Hague."
    )
    assert not any(kind == "trial" for kind, _ in kinds(text))


def test_sent_to_her_death_is_no_transfer() -> None:
    text = (
        "Nasrin Kavir was hanged in 1988. Jalal Moin sat on the commission that sent her to "
        "her death."
    )
    found = kinds(text)
    assert ("transfer", "Nasrin Kavir") not in found
    assert ("sat_on_commission", "Jalal Moin") in found


def test_another_prison_or_destination_is_another_claim() -> None:
    text = (
        "Bahman Rostami was held in Qezel Hesar Prison from 1982. In 1985 he was "
        "transferred to Evin Prison. He was held in Evin Prison until 1988. Later, his "
        "family heard, he was moved to Tehran."
    )
    claims = extract_text(text).as_json()["claims"]
    detention = sorted(c["place"] for c in claims if c["type"] == "detention")
    transfer = sorted(c["place"] for c in claims if c["type"] == "transfer")
    assert detention == ["Evin Prison", "Qezel Hesar Prison"]
    assert len(transfer) == 2


def test_one_prison_told_twice_is_one_claim() -> None:
    text = "Bahman Rostami was held in Evin Prison. He was held in Evin Prison for five years."
    claims = extract_text(text).as_json()["claims"]
    assert [c["type"] for c in claims] == ["detention"]


def test_new_triggers_in_the_same_ward_escorted_and_supervised() -> None:
    text = (
        "Our neighbour Hamid Sabet was in the same ward. The guard Karim Bolandi escorted "
        "prisoners in pairs towards the hall. Mohsen Tabesh supervised the loading of bodies "
        "onto lorries."
    )
    found = kinds(text)
    assert ("detention", "Hamid Sabet") in found
    assert ("took_part", "Karim Bolandi") in found
    assert ("took_part", "Mohsen Tabesh") in found


def test_labelled_fields_of_a_case_file_are_statements_about_its_person() -> None:
    text = (
        "Case 7: Kamran Vaziri\n"
        "Name: Kamran Vaziri\n"
        "Born: 1340, Arak\n"
        "Affiliation: supporter of the Tudeh Party\n"
        "Held: Arak prison (1361-1365)\n"
        "Fate: executed in Evin, Shahrivar 1367\n"
    )
    extraction = extract_text(text)
    people = [m.text for m in extraction.mentions if m.type is MentionType.PERSON]
    assert "Kamran Vaziri Born" not in people  # the next field is no more of the name
    found = kinds(text)
    assert {
        ("affiliation", "Kamran Vaziri"),
        ("detention", "Kamran Vaziri"),
        ("execution", "Kamran Vaziri"),
    } <= found


def test_a_trade_and_a_support_joined_by_and() -> None:
    text = "Reza Amini, 31, a welder and supporter of the Tudeh Party, was arrested in 1983."
    assert ("affiliation", "Reza Amini") in kinds(text)


def test_detained_by_agents_is_the_arrest_alone() -> None:
    text = "Two of the mourners, Soheila Moradi and her son, were detained by plain-clothes agents."
    found = kinds(text)
    assert ("arrest", "Soheila Moradi") in found
    assert ("detention", "Soheila Moradi") not in found


def test_a_demand_that_he_be_tried_is_no_trial() -> None:
    text = "Hadi Sarmast later became a senior judge. We demand that he be tried."
    assert ("trial", "Hadi Sarmast") not in kinds(text)


def test_a_commission_headed_by_x_with_y_acting_as_prosecutor() -> None:
    text = (
        "The commission that sent Siamak Moradi to the gallows was headed by the religious "
        "judge Hossein Nikzad, with Mostafa Rahimi acting as prosecutor."
    )
    found = kinds(text)
    assert ("sat_on_commission", "Hossein Nikzad") in found
    assert ("sat_on_commission", "Mostafa Rahimi") in found
    assert ("sat_on_commission", "Siamak Moradi") not in found


def test_x_and_i_are_we() -> None:
    text = (
        "Testimony of Shahla Ebadi\n\n"
        "We were arrested together, my brother Iraj and I, in the spring of 1982."
    )
    found = kinds(text)
    assert ("arrest", "Shahla Ebadi") in found
    assert ("arrest", "Iraj") in found


def test_drew_up_the_lists_of_prisoners_is_taking_part() -> None:
    text = "Mohammad Sabouri was among the officials who drew up the lists of prisoners to be executed."
    assert ("took_part", "Mohammad Sabouri") in kinds(text)


def test_persian_me_after_a_preposition_is_not_the_narrator() -> None:
    text = (
        "شهادت مریم کاظمی\n\n"
        "من در سال ۱۳۶۰ دستگیر شدم. مرا به بازداشتگاه سپاه بردند و سه ماه در سلول انفرادی بودم.\n\n"
        "همسرم، علی کاظمی، یک ماه پس از من بازداشت شد. او را به زندان اوین منتقل کردند."
    )
    found = kinds(text)
    assert ("arrest", "مریم کاظمی") in found
    assert ("detention", "مریم کاظمی") in found
    assert ("arrest", "علی کاظمی") in found
    assert ("transfer", "علی کاظمی") in found
    assert ("transfer", "مریم کاظمی") not in found


def test_he_was_my_cellmate_and_a_list_line_held_in() -> None:
    text = (
        "Interview with Reza Sadri\n\n"
        "Q: Did you know Ahmad Karimi?\nA: Yes, he was my cellmate for two years.\n\n"
        "- Shahram Bahrami, worker, held in Karun prison from 1983; executed 1988.\n"
    )
    found = kinds(text)
    assert ("detention", "Ahmad Karimi") in found
    assert ("detention", "Shahram Bahrami") in found


def test_re_arrested_is_a_second_arrest() -> None:
    text = "- Zohreh Amini, student, arrested 1982 and released 1985; re-arrested 1986."
    claims = extract_text(text).as_json()["claims"]
    arrests = sorted(c["date"] for c in claims if c["type"] == "arrest")
    assert arrests == ["1982", "1986"]
    assert [c["type"] for c in claims].count("release") == 1


def test_an_official_seen_there_by_pronoun() -> None:
    text = (
        "The prosecutor, a man called Ebrahim Sobhani, came to our ward with the list. "
        "I saw him there with my own eyes."
    )
    assert ("was_present", "Ebrahim Sobhani") in kinds(text)


def test_persian_executed_as_an_adjective_and_the_executions_in_general() -> None:
    text = (
        "مأموران منیژه کریمی، مادر یکی از زندانیان اعدام‌شده، را در خاوران بازداشت کردند. "
        "پسر او، کیوان کریمی، در سال ۱۳۶۷ اعدام شد. "
        "محمد رحیمی، دادیار زندان، هرگونه نقش در اعدام‌ها را رد کرده است. "
        "یکی از اعدام‌شدگان، رضا کاظمی، معلم بود."
    )
    found = kinds(text)
    assert ("arrest", "منیژه کریمی") in found
    assert ("execution", "کیوان کریمی") in found
    assert ("execution", "رضا کاظمی") in found
    assert ("execution", "منیژه کریمی") not in found
    assert ("detention", "منیژه کریمی") not in found
    assert ("execution", "محمد رحیمی") not in found


def test_taken_to_a_town_is_a_transfer_and_six_years_in_is_a_detention() -> None:
    text = (
        "Homa Azadi was arrested in Rasht in 1982 and spent the next six years in Lakan prison. "
        "In the summer of 1988 she was taken to Tehran with a group of women prisoners."
    )
    found = kinds(text)
    assert ("detention", "Homa Azadi") in found
    assert ("transfer", "Homa Azadi") in found


def test_they_after_the_prisoners_in_the_same_sentence_are_the_prisoners() -> None:
    text = (
        "Nahid Sabet was released in 1986. Guards, among them a man named Asghar Yazdani, "
        "tied the prisoners' hands before they were taken to the gallows."
    )
    found = kinds(text)
    assert ("took_part", "Asghar Yazdani") in found
    assert ("execution", "Nahid Sabet") not in found


def test_an_account_by_names_the_narrator() -> None:
    text = (
        "An account by Touran Moradi, former political prisoner\n\n"
        "I was detained outside my school in Karaj in 1982. I was put on trial in 1983 "
        "and given five years."
    )
    found = kinds(text)
    assert ("arrest", "Touran Moradi") in found
    assert ("trial", "Touran Moradi") in found


def test_victims_listed_after_including() -> None:
    text = (
        "A rights group has named fourteen prisoners from Zanjan who were executed in 1988, "
        "including Rasoul Alavi, Mohsen Ghaderi and Akbar Jahani."
    )
    found = kinds(text)
    for name in ("Rasoul Alavi", "Mohsen Ghaderi", "Akbar Jahani"):
        assert ("execution", name) in found


def test_the_committees_secretary_who_kept_the_lists() -> None:
    text = (
        "The panel included the judge Morteza Hashemi; a third man, Rasoul Nikbin, served as "
        "the committee's secretary and kept the lists. The warden, Mehdi Farahani, oversaw "
        "the executions."
    )
    found = kinds(text)
    assert ("sat_on_commission", "Rasoul Nikbin") in found
    assert ("detention", "Rasoul Nikbin") not in found
    assert ("took_part", "Mehdi Farahani") in found


def test_two_brothers_each_named_in_apposition_share_the_arrest() -> None:
    text = (
        "برادر بزرگم، جواد صالحی، و برادر کوچکم، مجید صالحی، هر دو در سال ۱۳۶۱ در اهواز "
        "دستگیر شدند."
    )
    found = kinds(text)
    assert ("arrest", "جواد صالحی") in found
    assert ("arrest", "مجید صالحی") in found


def test_a_denial_states_nothing_and_as_if_compares_only_its_clause() -> None:
    text = (
        "Shapour Kazemi, the former warden, has always denied that any prisoner was executed "
        "in his prison. Hamid Rostamian, who according to survivors sat on the death "
        "commission in Qom, today sits in parliament as if nothing had happened."
    )
    found = kinds(text)
    assert ("execution", "Shapour Kazemi") not in found
    assert ("sat_on_commission", "Hamid Rostamian") in found


def test_a_cellmate_and_i_both_and_never_saw_x_again() -> None:
    text = (
        "Jalal Farahmand, 67, now living in Paris, remembers:\n\n"
        '"I had already spent six years in Gohardasht. My cellmate Omid Rahnama and I were '
        "taken before the committee on the same morning. I recognised the name of my friend "
        'Bijan Saberi on the list. I never saw Bijan again."'
    )
    found = kinds(text)
    assert ("detention", "Jalal Farahmand") in found
    assert ("trial", "Jalal Farahmand") in found
    assert ("trial", "Omid Rahnama") in found
    assert ("disappearance", "Bijan Saberi") in found


def test_a_timeline_line_opening_with_a_date() -> None:
    text = (
        "Timeline: Behrouz Kamali\n\n"
        "1981 – Arrested at his home in Tehran.\n"
        "August 1988 – Executed in Gohardasht.\n"
    )
    assert ("execution", "Behrouz Kamali") in kinds(text)


def test_persian_days_of_execution_and_an_official_seen() -> None:
    text = (
        "فرهاد نوروزی، که در آن زمان ریاست زندان دیزل‌آباد را بر عهده داشت، دستور اعدام "
        "زندانیان را صادر کرد. ناصر کریمی می‌گوید نوروزی را در روزهای اعدام در راهروی زندان "
        "دیده است."
    )
    found = kinds(text)
    assert ("was_present", "فرهاد نوروزی") in found
    assert ("execution", "فرهاد نوروزی") not in found


def test_a_witness_speaking_of_himself_is_the_victim_of_his_own_account() -> None:
    text = (
        "A former prisoner said he had shared a cell with Davoud Sarafraz, who was hanged in "
        "1988. The witness, Ahmad Keshavarz, 59, said he had himself been a member of the "
        "Tudeh Party until his arrest in 1981."
    )
    found = kinds(text)
    assert ("arrest", "Ahmad Keshavarz") in found
    assert ("affiliation", "Ahmad Keshavarz") in found
    assert ("arrest", "Davoud Sarafraz") not in found
