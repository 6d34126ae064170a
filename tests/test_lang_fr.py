"""French quotes and speakers (fr.toml): marks, attribution orders, titles, pronouns."""

from __future__ import annotations

from tests.lang_helpers import said

LEAD = "Le maire de la ville, Paul Martin Leroy, a visité lundi le nouveau port de pêche."


def test_guillemets_with_an_inverted_verb_and_name() -> None:
    got = said(
        "fr",
        LEAD,
        "« Nous allons rouvrir le marché dès la semaine prochaine », a déclaré Paul Martin Leroy.",
    )
    assert got == [("Nous allons rouvrir le marché dès la semaine prochaine", "Paul Martin Leroy")]


def test_any_verb_inverts_after_a_quote() -> None:
    got = said(
        "fr", LEAD, "« La mer a tout emporté cet hiver sur la côte », soupire Anne Morel Dubois."
    )
    assert got == [("La mer a tout emporté cet hiver sur la côte", "Anne Morel Dubois")]


def test_verb_joined_to_its_pronoun_speaks_for_the_person() -> None:
    got = said("fr", LEAD, "« Il faudra du temps pour tout reconstruire ici », concède-t-il.")
    assert got == [("Il faudra du temps pour tout reconstruire ici", "Paul Martin Leroy")]


def test_selon_names_the_speaker() -> None:
    got = said("fr", LEAD, "Selon Anne Morel Dubois, le chantier « prendra au moins deux ans ».")
    assert got == [("prendra au moins deux ans", "Anne Morel Dubois")]


def test_a_title_resolves_to_the_name_the_article_gives() -> None:
    got = said("fr", LEAD, "« Le port restera ouvert tout l'été », a assuré le maire.")
    assert got == [("Le port restera ouvert tout l'été", "Paul Martin Leroy")]


def test_speaker_before_the_quote() -> None:
    got = said("fr", LEAD, "Anne Morel Dubois a expliqué : « Les pêcheurs attendent des aides ».")
    assert got == [("Les pêcheurs attendent des aides", "Anne Morel Dubois")]


def test_a_quote_interrupted_by_explique_x_is_two_quotes() -> None:
    got = said(
        "fr",
        LEAD,
        "« Nous allons rouvrir le marché très vite, explique Anne Morel Dubois. Les pêcheurs "
        "attendent depuis des mois. »",
    )
    assert got == [
        ("Nous allons rouvrir le marché très vite", "Anne Morel Dubois"),
        ("Les pêcheurs attendent depuis des mois.", "Anne Morel Dubois"),
    ]


def test_an_aside_with_any_verb_and_an_apposition_is_no_quote() -> None:
    got = said(
        "fr",
        LEAD,
        "« Nous avons perdu trois mètres de plage, constate Anne Morel Dubois, la présidente "
        "du club. Cette fois, la mer ira plus loin encore. »",
    )
    assert got == [
        ("Nous avons perdu trois mètres de plage", "Anne Morel Dubois"),
        ("Cette fois, la mer ira plus loin encore.", "Anne Morel Dubois"),
    ]


def test_a_gloss_in_parentheses_after_a_quote_is_skipped() -> None:
    got = said(
        "fr",
        LEAD,
        "« Festina lente semper et ubique » (hâte-toi lentement), lance le procureur Marc Petit.",
    )
    assert got == [("Festina lente semper et ubique", "Marc Petit")]


def test_the_name_in_apposition_to_a_description_speaks() -> None:
    got = said(
        "fr",
        LEAD,
        "« Il faut le juger avec calme et mesure », plaide l'avocate de Paul Martin Leroy, "
        "Anne Morel Dubois.",
    )
    assert got == [("Il faut le juger avec calme et mesure", "Anne Morel Dubois")]


def test_a_quote_opening_the_article_is_the_person_named_next() -> None:
    got = said(
        "fr",
        "« Nous partirons tous demain matin vers le port. » Pour avoir écrit ce message, "
        "le pêcheur Marc Petit a été critiqué.",
    )
    assert got == [("Nous partirons tous demain matin vers le port.", "Marc Petit")]


def test_a_role_word_is_the_person_given_that_role() -> None:
    got = said(
        "fr",
        "Le juge Marc Petit a ouvert l'audience lundi matin.",
        "L'avocate Anne Morel Dubois a ensuite parlé longuement de son client.",
        "Avant la pause, le juge avait déclaré que « cette affaire sera jugée avec soin ».",
    )
    assert got == [("cette affaire sera jugée avec soin", "Marc Petit")]


def test_initials_name_a_person() -> None:
    got = said(
        "fr",
        "Le prévenu, Yanis B., a comparu mardi devant le tribunal.",
        "« Je n'ai jamais voulu blesser personne », affirme Yanis B. devant les juges.",
    )
    assert got[0][1].startswith("Yanis B")


def test_a_subject_after_its_verb_is_who_the_pronoun_means() -> None:
    got = said(
        "fr",
        "La maire Claire Petit a ouvert la séance.",
        "Puis est arrivée la ministre Sophie Durand. « Je suis très heureuse d'être ici », "
        "a-t-elle dit.",
    )
    assert got == [("Je suis très heureuse d'être ici", "Sophie Durand")]


def test_a_given_name_tells_whom_a_pronoun_means() -> None:
    got = said(
        "fr",
        "Sophie Durand a ouvert la séance. Thierry Lemaire est arrivé plus tard.",
        "« Nous attendions ce jour depuis longtemps », a-t-elle dit.",
    )
    assert got == [("Nous attendions ce jour depuis longtemps", "Sophie Durand")]


def test_an_honorific_after_an_unlisted_verb_opens_the_speaker() -> None:
    got = said(
        "fr",
        "Le maire, Paul Martin, et l'avocate Anne Morel ont parlé lundi.",
        "« Nous irons jusqu'au bout de cette affaire », a enchaîné M. Martin. « Le dossier "
        "est vide depuis le premier jour », gronde Me Morel.",
    )
    assert got == [
        ("Nous irons jusqu'au bout de cette affaire", "Paul Martin"),
        ("Le dossier est vide depuis le premier jour", "Anne Morel"),
    ]


def test_a_description_ends_before_the_adverbial_that_names_a_place() -> None:
    got = said(
        "fr",
        "Le président Marc Petit a quitté Paris dimanche.",
        "« Nous signerons cet accord avant la fin du mois », a déclaré le chef de l'Etat dans "
        "l'avion qui le menait à La Nouvelle-Orléans.",
    )
    assert got == [("Nous signerons cet accord avant la fin du mois", "Marc Petit")]


def test_a_name_met_with_later_is_not_the_speaker() -> None:
    got = said(
        "fr",
        "Le président Marc Petit a quitté Paris dimanche.",
        "« Ils nous taxent, alors nous les taxerons aussi », avait esquissé le président "
        "vendredi, lors d'une conférence avec le Premier ministre Jean Roy.",
    )
    assert got == [("Ils nous taxent, alors nous les taxerons aussi", "Marc Petit")]


def test_a_cue_after_the_last_quote_of_a_sentence_speaks_for_the_earlier_ones() -> None:
    got = said(
        "fr",
        LEAD,
        "Par ailleurs, « les comptes de la ville sont tenus avec soin » ; le budget a été voté "
        "en mars ; « aucune dépense n'a jamais été cachée aux habitants », a développé Anne "
        "Morel Dubois.",
    )
    assert got == [
        ("les comptes de la ville sont tenus avec soin", "Anne Morel Dubois"),
        ("aucune dépense n'a jamais été cachée aux habitants", "Anne Morel Dubois"),
    ]


def test_pour_and_a_body_opening_the_sentence_names_the_speaker() -> None:
    got = said(
        "fr",
        LEAD,
        "Pour le parquet de Lyon, « le dossier ne contient aucune preuve sérieuse ».",
    )
    assert got == [("le dossier ne contient aucune preuve sérieuse", "le parquet de Lyon")]


def test_pour_and_a_name_opening_the_sentence_names_the_speaker() -> None:
    got = said("fr", LEAD, "Pour Anne Morel Dubois, « la mer gagne chaque hiver du terrain ».")
    assert got == [("la mer gagne chaque hiver du terrain", "Anne Morel Dubois")]


def test_pour_la_premiere_fois_names_no_one() -> None:
    got = said("fr", LEAD, "Pour la première fois, « la plage restera fermée tout l'été ».")
    assert got == [("la plage restera fermée tout l'été", "Paul Martin Leroy")]


def test_a_partial_quote_of_four_words_is_a_quote() -> None:
    got = said("fr", LEAD, "Paul Martin Leroy a promis des « contrôles beaucoup plus stricts ».")
    assert got == [("contrôles beaucoup plus stricts", "Paul Martin Leroy")]


def test_a_verb_joined_to_its_pronoun_before_a_colon_speaks() -> None:
    got = said(
        "fr",
        "Sophie Durand a ouvert la séance.",
        "Marc Petit n'a pas pu venir lundi, faute de train, mais écrivait-il : « Je serai là "
        "pour le vote de la semaine prochaine ».",
    )
    assert got == [("Je serai là pour le vote de la semaine prochaine", "Marc Petit")]


def test_a_role_opening_the_article_is_the_person_who_acts_next() -> None:
    got = said(
        "fr",
        "« Toutes les importations seront taxées dès lundi matin », a déclaré le chef de "
        "l'Etat dans l'avion qui le menait au Grand Prix. Marc Petit avait déjà taxé l'acier.",
    )
    assert got == [("Toutes les importations seront taxées dès lundi matin", "Marc Petit")]


def test_a_name_after_an_elided_preposition_is_read() -> None:
    got = said(
        "fr",
        LEAD,
        "« Aucune dérogation ne sera accordée aux communes. » Ces mots sont ceux d'Anne Morel "
        "Dubois, ministre de l'Intérieur.",
    )
    assert got == [("Aucune dérogation ne sera accordée aux communes.", "Anne Morel Dubois")]


def test_the_particle_d_stays_in_a_name() -> None:
    got = said(
        "fr",
        LEAD,
        "« La France a besoin de calme et de temps », a déclaré Valéry Giscard d'Estaing.",
    )
    assert got == [("La France a besoin de calme et de temps", "Valéry Giscard d'Estaing")]


def test_a_role_word_of_local_politics_is_the_person_given_it() -> None:
    got = said("fr", LEAD, "« Nous ne lèverons aucun impôt nouveau », a promis l'édile.")
    assert got == [("Nous ne lèverons aucun impôt nouveau", "Paul Martin Leroy")]


def test_the_one_told_before_an_inverted_subject_is_not_the_speaker() -> None:
    got = said(
        "fr",
        LEAD,
        "Les lignes ont été coupées « sur ordre des nouvelles autorités du pays », a indiqué "
        "à l'AFP un haut fonctionnaire.",
    )
    assert got == [("sur ordre des nouvelles autorités du pays", "un haut fonctionnaire")]


def test_a_one_word_label_before_a_colon_is_no_speaker() -> None:
    got = said(
        "fr",
        "Anne Morel Dubois a écrit au tribunal en février.",
        "Motif : « À chaque contrôle, mon fils est conduit au commissariat. »",
    )
    assert got == [
        ("À chaque contrôle, mon fils est conduit au commissariat.", "Anne Morel Dubois")
    ]


def test_a_description_ends_at_a_comma_before_a_participle() -> None:
    got = said(
        "fr",
        LEAD,
        "« Il faudra revoir les comptes en détail », a reconnu le maire, interrogé par Anne "
        "Morel Dubois.",
    )
    assert got == [("Il faudra revoir les comptes en détail", "Paul Martin Leroy")]


def test_a_body_speaks_for_itself_when_no_body_was_named_before() -> None:
    got = said(
        "fr",
        LEAD,
        "« La route restera fermée jusqu'à lundi », indique la préfecture dans un communiqué.",
    )
    assert got == [("La route restera fermée jusqu'à lundi", "la préfecture")]


def test_la_jeune_femme_is_the_woman_named_before() -> None:
    got = said(
        "fr",
        LEAD,
        "Anne Morel Dubois habite le quartier depuis vingt ans.",
        "« Nous attendons ces travaux depuis des années », ajoute la jeune femme.",
    )
    assert got == [("Nous attendons ces travaux depuis des années", "Anne Morel Dubois")]


def test_the_name_in_apposition_to_a_description_is_its_subject() -> None:
    got = said(
        "fr",
        "Le colistier de Paul Martin Leroy, Jean Vance, a parlé hier de sa famille.",
        "« J'avais un ange gardien à mes côtés pendant toute mon enfance », a-t-il raconté.",
    )
    assert got == [("J'avais un ange gardien à mes côtés pendant toute mon enfance", "Jean Vance")]


def test_a_name_introduced_by_le_groupe_is_a_body_the_group_noun_stands_for() -> None:
    got = said(
        "fr",
        "Un lot de boîtes a été retiré de la vente par le groupe Veltor Alpes.",
        "Dans un communiqué, Veltor Alpes rappelle les boîtes du lot. « Ce défaut ne remet pas "
        "en cause la qualité du produit », ajoute le groupe agroalimentaire.",
    )
    assert got == [("Ce défaut ne remet pas en cause la qualité du produit", "Veltor Alpes")]


def test_a_description_subject_ending_on_a_body_name_is_that_body() -> None:
    got = said(
        "fr",
        "La plateforme de location de logements Rentaloo a dégagé un bénéfice au troisième "
        "trimestre.",
        "La crise « va continuer d'avoir un impact sur nos résultats », reconnaît le groupe "
        "californien.",
    )
    assert got == [("va continuer d'avoir un impact sur nos résultats", "Rentaloo")]


def test_la_police_is_not_the_body_another_description_named() -> None:
    got = said(
        "fr",
        LEAD,
        "La station de métro « est fermée en raison d'une enquête policière », a publié la "
        "compagnie de transport.",
        "Un homme a été arrêté peu après « et il est actuellement en détention », a indiqué la "
        "police.",
    )
    assert got == [
        ("est fermée en raison d'une enquête policière", "la compagnie de transport"),
        ("et il est actuellement en détention", "la police"),
    ]


def test_a_lone_name_with_an_age_in_apposition_is_a_person() -> None:
    got = said(
        "fr",
        "Le campus de l'université est bloqué depuis lundi par les étudiants en grève.",
        "Kenza, 22 ans, est en deuxième année de droit. « Je n'ai pas pu passer mes partiels "
        "à cause du blocage. »",
    )
    assert got == [("Je n'ai pas pu passer mes partiels à cause du blocage.", "Kenza")]


def test_a_role_subject_is_its_holder_for_a_later_pronoun() -> None:
    got = said(
        "fr",
        "Le ministre de l'Agriculture, Bruno Kone, a rendu hommage samedi aux producteurs.",
        "Le directeur du Conseil, Paul Diakité, était aussi présent à la cérémonie.",
        "Le ministre a salué une mobilisation exceptionnelle. Il a invité les producteurs à "
        "adopter la norme, qu'il a qualifiée de « passeport commun pour la filière ».",
    )
    assert got == [("passeport commun pour la filière", "Bruno Kone")]


def test_a_name_closing_an_opening_phrase_is_not_the_subject() -> None:
    got = said(
        "fr",
        "Le ministre de l'Agriculture, Bruno Kone, a rendu hommage samedi aux producteurs.",
        "En présence du directeur du Conseil, Paul Diakité, le ministre a salué une "
        "mobilisation exceptionnelle.",
        "Il a invité les producteurs à adopter la norme, qu'il a qualifiée de « passeport "
        "commun pour la filière ».",
    )
    assert got == [("passeport commun pour la filière", "Bruno Kone")]


def test_peut_on_lire_dans_un_communique_credits_the_body_whose_text_it_is() -> None:
    got = said(
        "fr",
        LEAD,
        "« Le dispositif sera renforcé dans les prochains jours », peut-on lire dans un "
        "communiqué du ministère de l'Intérieur.",
    )
    assert got == [
        ("Le dispositif sera renforcé dans les prochains jours", "ministère de l'Intérieur")
    ]


def test_explique_t_on_a_a_place_credits_that_place() -> None:
    got = said(
        "fr",
        LEAD,
        "« Le président est déterminé à mener cette réforme », explique-t-on à l'Elysée.",
    )
    assert got == [("Le président est déterminé à mener cette réforme", "l'Elysée")]


def test_du_cote_de_x_on_assure_credits_x() -> None:
    got = said(
        "fr",
        LEAD,
        "Du côté de la mairie, on assure que « toutes les mesures ont été prises ».",
    )
    assert got == [("toutes les mesures ont été prises", "la mairie")]


def test_a_persons_description_before_a_colon_ends_at_its_verb() -> None:
    got = said(
        "fr",
        LEAD,
        "Un autre riverain se montre plus nuancé : « Il faut bien faire quelque chose contre "
        "la pollution. »",
    )
    assert got == [("Il faut bien faire quelque chose contre la pollution.", "Un autre riverain")]


def test_an_aside_between_the_inverted_verb_and_its_subject_is_skipped() -> None:
    got = said(
        "fr",
        "La ministre de la Culture, Rachida Dati, a présenté son plan. Le maire, Paul Roy, a "
        "dit : « Ce plan est une erreur. »",
        "« Nous irons jusqu'au bout », répond de son côté la ministre.",
    )
    assert got == [
        ("Ce plan est une erreur.", "Paul Roy"),
        ("Nous irons jusqu'au bout", "Rachida Dati"),
    ]


def test_a_lone_name_with_a_role_in_apposition_is_a_person() -> None:
    got = said(
        "fr",
        "« On tient le piquet depuis sept heures du matin », raconte Lina Roche, étudiante.",
        "Sofiane, membre du collectif étudiant, prend le micro. « La fac appartient à ceux qui "
        "la font vivre », lance-t-il.",
    )
    assert got == [
        ("On tient le piquet depuis sept heures du matin", "Lina Roche"),
        ("La fac appartient à ceux qui la font vivre", "Sofiane"),
    ]
