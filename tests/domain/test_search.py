"""The search fold: what is typed finds a name however its umlauts and accents are typed."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from desktop.domain.search import fold, forms, is_tenant_id_word, query_words, search_key

UMLAUTS = {
    "ä": ("ae", "a"),
    "ö": ("oe", "o"),
    "ü": ("ue", "u"),
    "Ä": ("Ae", "A"),
    "Ö": ("Oe", "O"),
    "Ü": ("Ue", "U"),
}
# Words of German and Spanish names: plain letters with umlauts, ß and accented vowels among them.
name_words = st.text(
    alphabet=st.sampled_from(list("abcdefghklmnorstuvwzABCKMS") + list("äöüÄÖÜßáéíóñ")),
    min_size=1,
    max_size=10,
)


def typed_ways(word: str) -> list[str]:
    """How someone may type `word`: as written, with umlauts written out, without any accent."""
    written_out = "".join(UMLAUTS[c][0] if c in UMLAUTS else c for c in word)
    bare = "".join(UMLAUTS[c][1] if c in UMLAUTS else c for c in word)
    no_accents = "".join(
        c for c in unicodedata.normalize("NFD", bare) if not unicodedata.combining(c)
    )
    return [word, word.upper(), written_out, no_accents, unicodedata.normalize("NFD", word)]


@given(words=st.lists(name_words, min_size=1, max_size=3), data=st.data())
def test_every_way_of_typing_a_name_word_finds_it(words, data):
    name = " ".join(words)
    key = search_key(name, "x.onmicrosoft.com")
    word = data.draw(st.sampled_from(words))
    for typed in typed_ways(word):
        assert fold(typed) in key, (typed, name)


def test_german_and_spanish_names():
    key = search_key("Bäckerei Müller & Schäfer", "baeckerei.onmicrosoft.com")
    for typed in ("muller", "mueller", "müller", "MÜLLER", "backerei", "baeckerei", "schafer"):
        assert fold(typed) in key, typed
    assert fold("alvarez") in search_key("Álvarez y Asociados")
    assert fold("strasse") in search_key("Straßenbau AG")
    assert fold("straße") in search_key("STRASSENBAU AG")


def test_a_word_never_spans_two_fields_or_forms():
    key = search_key("Müller", "m.onmicrosoft.com")
    assert fold("mueller muller") not in key
    assert fold("mullerm") not in key


def test_kana_voicing_marks_are_kept():
    # ド is ト with a voicing mark: another sound, not an accent.
    assert fold("ト") not in search_key("ド")
    assert fold("ド") in search_key("ﾄﾞ")  # half-width, the same sound


def test_forms_are_one_when_nothing_differs():
    assert forms("Contoso Ltd") == ("contoso ltd",)
    assert forms("Café") == ("cafe",)
    assert forms("Müller") == ("mueller", "muller")


def test_tenant_id_words_need_four_hex_digits():
    assert not is_tenant_id_word("1")
    assert not is_tenant_id_word("ab")
    assert not is_tenant_id_word("a-b-c")
    assert not is_tenant_id_word("abcg")
    assert is_tenant_id_word("abcd")
    assert is_tenant_id_word("9f3c-41")
    assert is_tenant_id_word("b44bb1fb-0d5e-4a4b-8f2b-21d0a2f0c3a1")


def test_a_tenant_id_pasted_in_braces_or_inside_a_url_is_looked_for_bare():
    # From the walk: `{7361a80e-…}` (PowerShell, the registry) and a portal URL found nothing.
    guid = "7361a80e-4c3b-4f6e-9d1a-2b5c8e0f1a2b"
    assert query_words("{" + guid.upper() + "}") == (guid,)
    assert query_words(f"https://admin.cloud.microsoft/?delegatedOrg=x&tid={guid}#/home") == (guid,)
    assert query_words('"Bäckerei"  (Müller)') == ("baeckerei", "mueller")
    assert query_words("{ }") == ()
