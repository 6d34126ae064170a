"""Sentences a summary must never contain, and the credit a summary sentence drops.

News pages carry page furniture between their paragraphs (video links, "Read more:", editor's
notes, author bios, contributor lines, transcript speaker labels, photo captions); a summary made
of them tells the reader nothing. These rules hold for news in general, not for one source.
"""

from __future__ import annotations

import re
from functools import lru_cache

_FURNITURE = re.compile(
    r"""^[\"“‘']?(?:
        editor['’]?s?\s+note
        | (?:read|see|watch|listen|click|learn|find\s+out|sign\s+up|subscribe|download|
            check\s+out|visit|explore|related)\b[^.!?]{0,80}[:»›]
        | (?:read|see|learn)\s+more\b
        | click\s+(?:here|on|to)\b
        | follow\s+(?:us|him|her|them|the|@|cnn)
        | like\s+us\s+on
        | (?:e-?mail|write\s+to)\s+(?:him|her|us|them|the\s+author)\b
        | (?:photos?|image|video|gallery|graphic|audio|source|credit|caption|copyright)\s*:
        | (?:©|copyright\b|all\s+rights\s+reserved)
        | (?:above|below|left|right|top|pictured)\s*[:,]
        | the\s+(?:views|opinions)\s+expressed
    )""",
    re.X | re.I,
)
# Case-sensitive: speaker labels of transcripts are capitals ("AZUZ:", "NANCY ROMAN, COUNSELOR:").
_SPEAKER_LABEL = re.compile(r"^[A-Z][A-Z.'’\-]+(?:\s+[A-Z][A-Z.'’\-]+)*(?:,[A-Z .'’\-]+)?:\s")
_ANYWHERE = re.compile(
    r"""(?:contributed\s+(?:to\s+this\s+report|reporting)
        | \b(?:is|was)\s+(?:a|an)\s+(?:CNN\s+)?(?:contributor|columnist|contributing\s+editor)\b
        | \bis\s+the\s+author\s+of\b
        | (?:^|\s)@\w{2,}
        | https?://|www\.
        | \((?:photo|image|video)\b
        | \b(?:AP|Getty|Reuters)\s+(?:Photo|Images)\b
        | »\s*$
    )""",
    re.X | re.I,
)
# Cheap substrings one of which any _ANYWHERE match contains: the regex, an alternation tried
# at every position, runs only on the few sentences that have one.
_ANYWHERE_HINTS = ("contribut", "columnist", "author of", "@", "http", "www.", "(", "»")
_PLACE = r"(?:[A-Z][\w.'’\-]*(?:[ ,]+[A-Z][\w.'’\-]*)*\s+)?"
_CREDIT = re.compile(
    rf"^{_PLACE}\((?:CNN|AP|Reuters|AFP)\)\s*(?:--|—|–|-|:)?\s*"
    rf"|^{_PLACE}\([^()]{{2,30}}\)\s*(?:--|—|–)\s*"
)
# The opener of a sentence that refers back to one the reader has not seen.
DANGLING = re.compile(
    r"^[\"“‘']?(?:he|she|it|they|this|that|these|those|but|and|so|however|meanwhile|also|his|"
    r"her|their|its|then|yet|still|instead|him|them|such|both|another|the\s+two|"
    r"the\s+same|nor|or|otherwise|thus|therefore|besides|moreover|furthermore|likewise)\b"
    # "Speaking on Friday, he said": a short opening clause, then the pronoun.
    r"|^[^,;“”\"]{1,40},\s+(?:he|she|they|it)\s",
    re.I,
)


def is_furniture(sentence: str) -> bool:
    """Page furniture: a caption, a credit or contributor line, a link, an editor's note, a bio."""
    text = sentence.strip()
    if _FURNITURE.match(text):
        return True
    if _SPEAKER_LABEL.match(text):
        return True
    lowered = text.lower()
    if any(hint in lowered for hint in _ANYWHERE_HINTS) and _ANYWHERE.search(text):
        return True
    # A line that does not end like a sentence and is short: a heading, a caption, a list item.
    ends = text.rstrip("\"'”’)]")[-1:] in (".", "!", "?", "…")
    return not ends and len(text.split()) < 15


# Memoised (pure): features, the choice and the joined summary ask about the same sentences.
@lru_cache(maxsize=2048)
def is_dangling(sentence: str) -> bool:
    """Opens on a word that points back ("He", "But", "This"): needs the sentence before it."""
    # Checked after the wire credit: "(CNN) -- He said" opens the summary on "He said".
    return bool(DANGLING.match(strip_credit(sentence)))


@lru_cache(maxsize=2048)
def strip_credit(sentence: str) -> str:
    """The sentence without a leading wire credit (`(CNN) --`, `MEXICO CITY (CNN) --`)."""
    match = _CREDIT.match(sentence)
    if not match or match.end() >= len(sentence):
        return sentence
    rest = sentence[match.end() :]
    return rest if rest[:1].isupper() or rest[:1] in "“\"‘'" or rest[:1].isdigit() else sentence
