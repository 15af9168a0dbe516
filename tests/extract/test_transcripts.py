"""Interview transcripts: the header naming the one interviewed, speaker labels, and a
person's name that ends at its line (session 4, round 2)."""

from __future__ import annotations

from reckon.extract.mentions import MentionType
from reckon.extract.pipeline import extract_text

from .claimkinds import kinds


def test_the_interviewee_header_names_who_says_i() -> None:
    text = (
        "Oral history, tape 3\n"
        "Interviewee: Parvaneh Dastgir\n"
        "Interviewer: L.\n\n"
        "L.: And after the trial?\n"
        "Dastgir: Nothing. Nobody asked. I was released in 1368 and went back to Qazvin.\n"
    )
    assert ("release", "Parvaneh Dastgir") in kinds(text)


def test_a_speaker_label_is_not_the_he_of_the_answer() -> None:
    text = (
        "Recording 9 (transcript)\n"
        "Respondent: Parvaneh Dastgir\n\n"
        "L.: Did you know Sohrab Alizadeh?\n"
        "Dastgir: Sohrab? Yes. He sang at night. They executed him in Qazvin in 1988.\n"
    )
    found = kinds(text)
    assert ("execution", "Sohrab Alizadeh") in found
    assert ("execution", "Parvaneh Dastgir") not in found


def test_a_persons_name_ends_at_its_line() -> None:
    text = (
        "Community archive, recording 4 (transcript)\n"
        "Respondent: Golbahar Azimi\n"
        "Recorded by: K.T., Hannover, May 2021\n\n"
        "K.T.: How did it start for you?\n"
    )
    people = [m.text for m in extract_text(text).mentions if m.type is MentionType.PERSON]
    assert "Golbahar Azimi" in people
    assert not any("\n" in p for p in people)


def test_a_testimony_heading_name_ends_before_the_recorded_line() -> None:
    text = (
        "Testimony of Nahid Karimabadi\n"
        "Recorded in Gothenburg, 14 May 2023.\n\n"
        "I was released in Farvardin 1369."
    )
    assert kinds(text) == {("release", "Nahid Karimabadi")}
