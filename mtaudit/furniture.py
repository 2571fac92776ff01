"""Page furniture: the lines of a pasted news page that are not the story's running text.

Editors paste pages with a headline, bylines, datelines, publication dates, photo captions and
share buttons.  None of it is translated prose, so checks that judge prose (a first mention that
needs a gloss, punctuation, quotation marks) leave it alone.  A sentence is furniture when it is:

- the **headline**: the document's first sentence that is no other furniture, ending its line
  without final punctuation, most of its words capitalised ("Erick Thohir Says SOEs Must Serve The People");
- a **byline or date line**: "By …", "Published : …", "Updated …", "Reporter: …", "Editor: …",
  "Translator: …", "date 2023-04-12", or a line that is mostly a date and time ("10 Jan 2023 | 14:39 WIB");
- a **photo caption or credit**: a short line without final punctuation that names a photo,
  an illustration or a picture agency ("Ganjar Pranowo (Photo via Central Java Provincial
  Government)", "Illustrations (Irfan Meidianto / VOI)"), or a line with an agency's picture
  credit ("… climbers. ANTARA/HO-Humas Basarnas", "… on Sunday. PHOTO: EPA-EFE"), and the line
  above a credit line of its own ("Foto: Antara/Wahyudin");
- a **widget**: one to three words ending in a colon ("Share:", "Partager:", "Read also:"), a short
  follow button's text naming its platform ("Cek Berita dan Artikel yang lain di Google News"), a
  reading-time label ("· 1 menit baca", "5 min read"), a gallery button ("Slideshow ( 3 images )") or a
  labelled number ("arsip tempo : 174302887176.");
- **markup**: a line with HTML attributes pasted from the page ('span class="caption" …');
- a **navigation menu**: three or more consecutive lines of at most three words without a final stop;
- **salutations** opening a speech's transcript: three or more one-line paragraphs in a row, each closed by a
  comma ("Distinguished Ministers,", "Excellencies Ambassadors,", "Assalamu'alaikum warahmatullahi wabarakatuh,");
- the **site's own interface in the source language** at the top of the page, before any English: three or
  more lines mostly of source-language words ("Lupa Kata Sandi? Klik di Sini", "Konfirmasi Email") among
  other furniture.  Leftovers of machine translation sit among translated sentences, not above them.
"""

from __future__ import annotations

import re

from .model import Document, Sentence

_BYLINE = re.compile(
    r"^(?:Published|Updated|Posted|Reporter|Reporting by|Editor|Editing by|Translator|Writer|Penulis|"
    r"Source|Sumber|Photo|Foto|date)\b\s*[:|-]?",
    re.IGNORECASE,
)
# "By Kim Jae-heun", "By Office of … Date 27 Juli 2016": a line without a final stop ("By Friday, …." is prose).
_BY_NAMES = re.compile(r"^By\s+[A-Z].*[^.!?\"”']$")
_DATE_WORDS = re.compile(
    r"\b(?:\d{1,4}|jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|"
    r"august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"wib|wita|wit|gmt|utc|am|pm|a\.m|p\.m|"
    # Indonesian and Malay dates in pasted pages ("Kamis, 30 Maret 2023").
    r"senin|selasa|rabu|kamis|jumat|sabtu|minggu|ahad|januari|februari|maret|mac|mei|juni|juli|julai|agustus|"
    r"ogos|oktober|desember|disember)\b",
    re.IGNORECASE,
)
_CAPTION = re.compile(
    r"\b(?:photos?|foto|illustrations?|ilustrasi|image|picture|screenshot|credit|doc|dok)\b|/\s*[A-Z]{2,}\s*\)"
    r"|^\(?(?:from\s+)?(?:left|right)\b|\bleft to right\b|\(L-R\)",
    re.IGNORECASE,
)
# A picture agency's credit closing a caption: "ANTARA/HO-Humas Basarnas", "(ANTARA FOTO/Galih Pradipta)".
_CREDIT = re.compile(r"\b(?:ANTARA|REUTERS|AFP|AP|VOI)(?:\s+FOTO)?\s*/\s*[A-Z]")
# "… at the Indonesia Masters on Sunday. PHOTO: EPA-EFE": a credit after the caption's sentence, on its line.
_PHOTO_CREDIT = re.compile(r"(?:PHOTO|Photo|FOTO|Foto)\s*:")
# "(Beritasatu Photo)", "(Photo: Antara)": a picture credit in parentheses, a sentence of its own.
_CREDIT_IN_PARENTHESES = re.compile(r"\((?:(?:[A-Z][\w.-]*\s+){1,3}(?:Photo|Foto)s?|(?:Photo|Foto)\s*:[^()]{1,40})\)")
# One to three words, a colon and a number: "arsip tempo : 174302887176.", "ID: 4471".
_LABELLED_NUMBER = re.compile(r"(?:[^\W\d]+\s*){1,3}:\s*[\d\s.,/-]+$")
# HTML attributes pasted with a page's text.
_MARKUP = re.compile(r"\b(?:class|style|href|src|alt|width|height)=[\"']")
# "· 1 menit baca", "5 min read", "Bacaan 3 menit": a reading-time label.
_READING_TIME = re.compile(
    r"[\W\s]*(?:\d+\s*(?:min(?:ute)?s?|menit)\s+(?:read|baca)"
    r"|(?:Bacaan|Reading time:?)\s+\d+\s*(?:menit|min(?:ute)?s?))\W*"
)
# "Slideshow ( 3 images )", "Gallery (12 photos)": a picture gallery's button.
_GALLERY = re.compile(
    r"(?:Slideshow|Gallery|Photo gallery|Photos|Pictures|Images)\s*\(\s*\d+\s+(?:images|photos|pictures)\s*\)",
    re.IGNORECASE,
)
# A follow or subscribe button's text names the platform.
_FOLLOW = re.compile(r"\b(?:Google News|WhatsApp Channel|Telegram Channel)\b")
# "JAKARTA -", "KOTA MARUDU:", "KUALA LUMPUR, Dec 21 (Bernama) --": capitals that open a paragraph as its
# dateline (with the separator and the blanks after it).
DATELINE = re.compile(r"[A-Z][A-Z .'’-]{1,40}?(?:,\s*[A-Z][\w ]{1,30})?\s*(?:\([^)]{1,30}\))?\s*[-–—:]+\s*")
_TERMINAL = re.compile(r"[.!?][\"'”’)\]]*$")


def _looks_like_headline(doc: Document, sentence: Sentence) -> bool:
    if _TERMINAL.search(sentence.text) or doc.text[sentence.end : sentence.end + 1] not in ("\n", ""):
        return False  # a headline has no final stop and ends its line
    words = re.findall(r"[A-Za-z][\w'’-]*", sentence.text)
    capitalised = sum(1 for w in words if w[0].isupper())
    return len(words) >= 3 and capitalised / len(words) >= 0.5


# "See also  Farmers expect …", "Related news: …": a link to another article ("Related to …" is prose).
_LINK = re.compile(
    r"(?:(?:See also|Read also|Also read|Read more|Baca juga|READ)\b:?|Related(?: news| stories| articles?)?:)\s"
)


def _is_furniture_line(sentence: Sentence) -> bool:
    text = sentence.text.strip()
    words = text.split()
    if not words:
        return True
    if len(words) <= 3 and text.endswith(":"):
        return True
    if _LABELLED_NUMBER.match(text):
        return True  # "arsip tempo : 174302887176.": a page's archive or article number
    if _MARKUP.search(text):
        return True  # 'span class="caption" style="width: 327px;">…': a page's markup pasted with its text
    if _READING_TIME.fullmatch(text):
        return True  # "· 1 menit baca", "3 min read": the page's reading-time label
    if _GALLERY.fullmatch(text):
        return True  # "Slideshow ( 3 images )": a picture gallery's button
    if len(words) <= 6 and re.match(r"(?:Follow|Like|Join|Subscribe to) us\b", text, re.IGNORECASE):
        return True  # "Follow us on :": social buttons
    if len(words) <= 20 and _LINK.match(text):
        return True
    if len(words) <= 12 and _FOLLOW.search(text):
        return True  # "Cek Berita dan Artikel yang lain di Google News": a follow button's text
    if _BY_NAMES.match(text) or (_BYLINE.match(text) and (len(words) <= 12 or not _TERMINAL.search(text))):
        return True
    tokens = re.findall(r"[A-Za-z]+|\d+", text)
    if tokens and sum(1 for t in tokens if _DATE_WORDS.fullmatch(t)) / len(tokens) >= 0.6:
        return True
    # Captions that list who is pictured run longer ("(From left: … Hua Chunying, Wang Wenbin, …").
    if not _TERMINAL.search(text) and len(words) <= 30 and _CAPTION.search(text):
        return True
    return bool(_CREDIT.search(text))


def furniture(doc: Document) -> set[int]:
    """Indexes of the audited sentences that are page furniture (see the module docstring).  The headline
    is the first sentence that is not a date line, byline or widget; a picture credit makes its whole
    line a caption."""
    found = _menus(doc) | _interface_above(doc) | _interface_lines(doc) | _salutations(doc)
    headline_possible = True
    for sentence in doc.audited_sentences:
        if sentence.index in found:
            continue
        if _is_furniture_line(sentence):
            found.add(sentence.index)
            if (
                _CREDIT.search(sentence.text)
                or _PHOTO_CREDIT.match(sentence.text)
                or _CREDIT_IN_PARENTHESES.fullmatch(sentence.text.strip())
            ):
                line_start = doc.text.rfind("\n", 0, sentence.start) + 1
                found |= {s.index for s in doc.audited_sentences if line_start <= s.start < sentence.start}
                if line_start == sentence.start and _PHOTO_CREDIT.match(sentence.text):
                    # "Foto: Antara/Wahyudin" on a line of its own credits the picture whose caption is the
                    # line above it (often left in the page's other language).
                    found |= _line_above(doc, line_start)
            continue
        if headline_possible and _looks_like_headline(doc, sentence):
            found.add(sentence.index)
        headline_possible = False
    # A page repeats a caption as the picture's alternative text: the same words again are furniture too.
    repeated = {s.text for s in doc.audited_sentences if s.index in found}
    return found | {s.index for s in doc.audited_sentences if s.text in repeated}


# Lines of the page's own interface above the story: at least this many, each mostly source-language words.
INTERFACE_MIN_LINES = 3
INTERFACE_SOURCE_SHARE = 0.4


def _interface_above(doc: Document) -> set[int]:
    """The sentences of a run of source-language lines at the top of the page (with dates, bylines and
    menus among them) before the first English line, when there are at least :data:`INTERFACE_MIN_LINES`."""
    from .lexicon import load_pack

    wordfreq = load_pack(doc.source_lang).wordfreq
    block: set[int] = set()
    source_lines: set[int] = set()
    menus = _menus(doc)
    for sentence in doc.audited_sentences:
        words = [w.lower() for w in re.findall(r"[^\W\d_]+", sentence.text)]
        if sentence.index in menus or _is_furniture_line(sentence):
            pass  # a date line ("Kamis, 30 Maret 2023") or caption is furniture, not a line of the interface
        elif words and _source_share(words, wordfreq) >= INTERFACE_SOURCE_SHARE:
            source_lines.add(doc.text.rfind("\n", 0, sentence.start))
        else:
            break
        block.add(sentence.index)
    return block if len(source_lines) >= INTERFACE_MIN_LINES else set()


def _source_share(words: list[str], wordfreq: str) -> float:
    """The share of ``words`` (lower case) that are the source language's: "kami", "ke" are common in English
    lists too (names, abbreviations), far more so in the source's."""
    from .language import SOURCE_MARGIN, SOURCE_MIN_ZIPF, zipf

    source = sum(
        1 for w in words if zipf(w, wordfreq) >= SOURCE_MIN_ZIPF and zipf(w, wordfreq) - zipf(w, "en") >= SOURCE_MARGIN
    )
    return source / len(words) if words else 0.0


# A line of a widget's labels: a few lower-case words and nothing else ("banner langganan top", "go to top").
_WIDGET_LABELS = re.compile(r"[a-z]+(?: [a-z]+){0,3}")
INTERFACE_LINE_MAX_WORDS = 15


def _interface_lines(doc: Document) -> set[int]:
    """Lines of the site's interface anywhere on the page: a widget's lower-case labels, or a short line in the
    source language that opens with a call to the reader or speaks of the page ("Ikuti media sosial …",
    "Bagaimana tanggapan anda mengenai artikel ini?"; ``lexicons/<lang>/interface_words.txt``)."""
    from .lexicon import load_pack

    pack = load_pack(doc.source_lang)
    found: set[int] = set()
    for line in re.finditer(r"[^\n]+", doc.text):
        body = line.group().strip()
        words = [w.lower() for w in re.findall(r"[^\W\d_]+", body)]
        if _WIDGET_LABELS.fullmatch(body):
            pass
        elif not words or len(words) > INTERFACE_LINE_MAX_WORDS:
            continue
        elif (
            not (
                words[0] in pack.interface_words
                or any(" " in phrase and re.search(rf"\b{phrase}\b", body.lower()) for phrase in pack.interface_words)
            )
            or _source_share(words, pack.wordfreq) < INTERFACE_SOURCE_SHARE
        ):
            continue
        found |= {s.index for s in doc.audited_sentences if line.start() <= s.start < line.end()}
    return found


def _line_above(doc: Document, line_start: int) -> set[int]:
    """Indexes of the audited sentences on the last non-blank line before ``line_start``."""
    above = doc.text[:line_start].rstrip()
    start = above.rfind("\n") + 1
    return {s.index for s in doc.audited_sentences if start <= s.start < len(above)}


def headlines(doc: Document) -> set[int]:
    """The headline among the furniture: translated prose, so leftover words in it are still errors."""
    marked = furniture(doc) - _interface_above(doc)
    for sentence in doc.audited_sentences:
        if (
            sentence.index in marked
            and not _is_furniture_line(sentence)
            and sentence.index not in _menus(doc)
            and _looks_like_headline(doc, sentence)  # not a caption sentence marked by its credit
        ):
            return {sentence.index}
    return set()


def _menus(doc: Document) -> set[int]:
    """Navigation menus: three or more consecutive lines of at most three words without a final stop."""
    found: set[int] = set()
    run: list[int] = []
    for sentence in doc.audited_sentences + [None]:
        short = (
            sentence is not None
            and len(sentence.text.split()) <= 3
            and not _TERMINAL.search(sentence.text)
            and doc.text[sentence.end : sentence.end + 1] in ("\n", "")
        )
        if short:
            run.append(sentence.index)
            continue
        if len(run) >= 3:
            found.update(run)
        run = []
    return found


# Salutations open a speech's transcript one to a line, each closed by a comma: "Distinguished Ministers,",
# "Excellencies Ambassadors,", "Assalamu'alaikum warahmatullahi wabarakatuh,".  At least this many in a row.
SALUTATIONS_MIN_LINES = 3


def _salutations(doc: Document) -> set[int]:
    """The salutations that open a speech's transcript: a run of at least :data:`SALUTATIONS_MIN_LINES` one-line
    paragraphs ending in a comma or a semicolon, with short greetings ("Good morning.") among them."""
    found: set[int] = set()
    run: list[list[int]] = []
    closed_by_comma = 0
    lines = doc.text.split("\n")
    offset = 0
    spans = []
    for line in lines:
        spans.append((offset, offset + len(line), line.strip()))
        offset += len(line) + 1
    for start, end, line in spans + [(len(doc.text), len(doc.text), None)]:
        if line == "":
            continue
        by_comma = line is not None and line[-1:] in (",", ";") and len(line.split()) <= 30
        short = line is not None and len(line.split()) <= 4
        if by_comma or (short and run):
            run.append([x.index for x in doc.audited_sentences if start <= x.start < end])
            closed_by_comma += by_comma
            continue
        if closed_by_comma >= SALUTATIONS_MIN_LINES:
            found.update(i for indexes in run for i in indexes)
        run, closed_by_comma = [], 0
    return found


def is_furniture(doc: Document, sentence: Sentence) -> bool:
    """Whether ``sentence`` is page furniture."""
    return sentence.index in furniture(doc)
