"""Portuguese quotes and speakers (pt.toml): marks, attribution orders, titles, pronouns."""

from __future__ import annotations

from briefings.reading.document import build_document
from briefings.reading.quotes import quotes_of
from tests.lang_helpers import said

LEAD = "A governadora do estado, Ana Souza Lima, visitou ontem a nova escola técnica."


def test_curly_quotes_with_disse_after_them() -> None:
    got = said("pt", LEAD, "“Vamos abrir mais vinte escolas até dezembro”, disse Ana Souza Lima.")
    assert got == [("Vamos abrir mais vinte escolas até dezembro", "Ana Souza Lima")]


def test_segundo_names_the_speaker() -> None:
    got = said(
        "pt", LEAD, "Segundo Pedro Alves Costa, o plano “chega tarde demais para os alunos”."
    )
    assert got == [("chega tarde demais para os alunos", "Pedro Alves Costa")]


def test_a_pronoun_speaker_is_the_person_spoken_of() -> None:
    got = said("pt", LEAD, "Ela afirmou: “Nenhuma cidade ficará sem escola nova”.")
    assert got == [("Nenhuma cidade ficará sem escola nova", "Ana Souza Lima")]


def test_a_title_resolves_to_the_name_the_article_gives() -> None:
    got = said("pt", LEAD, "“O dinheiro já está garantido no orçamento”, afirmou a governadora.")
    assert got == [("O dinheiro já está garantido no orçamento", "Ana Souza Lima")]


def test_a_subjectless_verb_speaks_for_the_person_spoken_of() -> None:
    got = said("pt", LEAD, "“Os professores também terão aumento”, completou.")
    assert got == [("Os professores também terão aumento", "Ana Souza Lima")]


def test_dialogue_dash_with_spaces() -> None:
    got = said("pt", LEAD, "— Vamos abrir as inscrições já em janeiro — disse a governadora.")
    assert got == [("Vamos abrir as inscrições já em janeiro", "Ana Souza Lima")]


def test_a_straight_quote_placed_to_open_closes_the_quote_left_open() -> None:
    got = said(
        "pt",
        LEAD,
        'Ela contou: "Tive medo de falhar com os alunos. "Porque isso acontece muitas vezes".',
    )
    assert got == [
        ("Tive medo de falhar com os alunos.", "Ana Souza Lima"),
        ("Porque isso acontece muitas vezes", "Ana Souza Lima"),
    ]


def test_a_clause_before_an_aside_verb_is_no_subject() -> None:
    got = said(
        "pt",
        "Ana Souza Lima visitou a escola de Pedro Alves Costa. Animada, prometeu mais verbas - o "
        "que, diz, “vai mudar a vida dos alunos”.",
    )
    assert got == [("vai mudar a vida dos alunos", "Ana Souza Lima")]


def test_the_sentence_after_a_quote_that_refers_back_names_the_speaker() -> None:
    got = said(
        "pt",
        LEAD,
        "“Não vou desistir agora de jeito nenhum”. Com essas palavras, Pedro Alves Costa "
        "encerrou o debate.",
    )
    assert got == [("Não vou desistir agora de jeito nenhum", "Pedro Alves Costa")]


def test_para_opening_a_sentence_names_the_speaker() -> None:
    got = said("pt", LEAD, "Para Pedro Alves Costa o problema “está na falta de professores”.")
    assert got == [("está na falta de professores", "Pedro Alves Costa")]


def test_a_partial_quote_of_four_words_counts() -> None:
    got = said("pt", LEAD, "Ela prometeu que o plano “será votado em março” pela assembleia.")
    assert got == [("será votado em março", "Ana Souza Lima")]


def test_a_capitalised_article_opening_the_sentence_is_no_speaker() -> None:
    got = said(
        "pt",
        LEAD,
        "A governadora explicou aos jornalistas que estavam na sala de imprensa do palácio "
        "depois da reunião de ontem que “os professores terão aumento já em maio”.",
    )
    assert got == [("os professores terão aumento já em maio", "Ana Souza Lima")]


def test_ele_is_the_man_a_lower_case_title_names() -> None:
    got = said(
        "pt",
        "O prefeito Caio Reis Prado falou primeiro na reunião.",
        "Depois, a secretária Lúcia Prado Reis falou sobre o orçamento.",
        "Ele disse: “A cidade precisa de mais escolas”.",
    )
    assert got == [("A cidade precisa de mais escolas", "Caio Reis Prado")]


def test_an_adverb_between_the_inverted_verb_and_its_subject() -> None:
    got = said(
        "pt", LEAD, "“O projeto não chega a tempo para os alunos”, disse ainda João Pereira."
    )
    assert got == [("O projeto não chega a tempo para os alunos", "João Pereira")]


def test_a_role_brought_in_unnamed_stays_a_description() -> None:
    got = said(
        "pt",
        LEAD,
        "Uma moradora do bairro contou que a escola “chegou tarde demais para os filhos”.",
        "“Esperamos por ela durante dez anos”, disse a moradora.",
    )
    assert [s for _, s in got] == ["Uma moradora do bairro", "a moradora"]


def test_a_long_quote_the_headline_repeats_stays_a_quote_of_the_body() -> None:
    quote = "Já experimentámos não tocar a 'Casinha', mas as pessoas não se vão embora!"
    doc = build_document(
        f"Xutos: “{quote}”",
        "",
        ["Os músicos tentam equilibrar os temas novos.", f"“{quote}”, conta Kalú."],
        language="pt",
    )
    assert [(q.text, q.speaker) for q in quotes_of(doc)] == [(quote, "Kalú")]


def test_e_o_que_diz_after_a_quote_refers_back_to_it() -> None:
    got = said(
        "pt",
        LEAD,
        "“Esta noite roubaram o nosso trator novo”. É o que diz a agricultora Rita Silva.",
    )
    assert got == [("Esta noite roubaram o nosso trator novo", "Rita Silva")]


def test_a_description_after_an_opening_phrase_names_its_apposed_person() -> None:
    got = said(
        "pt",
        "Através de um comunicado, o presidente da câmara, Rui Tavares Lopes, reage às críticas "
        "do vereador Nuno Pires Alves, do partido da oposição.",
        "“O município não discrimina ninguém nas escolas”, explica.",
    )
    assert got == [("O município não discrimina ninguém nas escolas", "Rui Tavares Lopes")]


def test_a_name_after_com_in_the_subjects_sentence_is_not_the_next_speaker() -> None:
    got = said(
        "pt",
        "Ana Souza Lima afirmou que tem uma relação cordial com Carlos Brandão Reis.",
        "“Temos uma relação de muita colaboração”, argumentou.",
    )
    assert got == [("Temos uma relação de muita colaboração", "Ana Souza Lima")]
