"""Actors from the text itself (issue 16): people and bodies the knowledge base does not hold get
their state from how the text presents them, and keep it for the rest of the document.

Every sentence here is invented for the test; the names are made up unless they are well known."""

from __future__ import annotations

import pytest

from veille.actors.linker import DISCOVERED


@pytest.fixture(scope="module")
def link(veille_nlp):
    def run(text: str, published: str | None = "2020-06-15") -> list[tuple[str, str | None, str | None]]:
        doc = veille_nlp.make_doc(text)
        doc._.published = published
        for _, proc in veille_nlp.pipeline:
            doc = proc(doc)
        return [(s.text, s._.code, s._.actor_id or s._.discovered) for s in doc.spans["mentions"]]
    return run


def code_of(found: list[tuple[str, str | None, str | None]], text: str) -> str | None:
    """The code of the mention that covers ``text`` (its first occurrence)."""
    for surface, code, _ in found:
        if text in surface:
            return code
    raise AssertionError(f"no mention covers {text!r}: {found}")


def actor_of(found: list[tuple[str, str | None, str | None]], text: str) -> str | None:
    for surface, _, actor_id in found:
        if text in surface:
            return actor_id
    raise AssertionError(f"no mention covers {text!r}: {found}")


def test_unknown_minister_in_apposition_keeps_state_for_later_mentions(link):
    found = link("Le ministre uruguayen des Affaires étrangères, Tomás Ferreira, a reçu mardi son "
                 "homologue. M. Ferreira a ensuite rappelé la position de son pays. Ferreira a conclu.")
    assert code_of(found, "Tomás Ferreira") == "URY"
    assert code_of(found, "M. Ferreira") == "URY"
    assert code_of(found, "Ferreira a conclu"[:8]) == "URY"
    assert actor_of(found, "Tomás Ferreira").startswith(DISCOVERED)
    assert actor_of(found, "M. Ferreira") == actor_of(found, "Tomás Ferreira")


def test_title_fused_with_unknown_name(link):
    found = link("Le vice-président péruvien Aurelio Quispe a démenti jeudi. Mme Quispe n'a pas commenté.")
    assert code_of(found, "Aurelio Quispe") == "PER"


def test_name_then_title_with_article(link):
    found = link("Ondřej Maleček, un conseiller du président tchèque, a démenti toute rencontre. "
                 "M. Maleček a ajouté que rien n'était prévu.")
    assert code_of(found, "Ondřej Maleček") == "CZE"
    assert code_of(found, "M. Maleček") == "CZE"


def test_title_for_a_place_is_not_that_place(link):
    found = link("L'envoyé spécial de l'ONU pour la Libye, Arvid Lindqvist, a salué l'accord. "
                 "M. Lindqvist doit revenir à Tripoli.")
    assert code_of(found, "Libye") == "LBY"
    assert code_of(found, "Arvid Lindqvist") == "UN"
    assert code_of(found, "M. Lindqvist") == "UN"


def test_title_of_earlier_holder_gives_way_to_a_new_name(link):
    found = link("Mike Pompeo est arrivé à Lima. Il a rencontré le ministre des Affaires étrangères, "
                 "Aurelio Quispe, mardi.", published="2020-06-15")
    assert code_of(found, "Mike Pompeo") == "USA"
    assert code_of(found, "Aurelio Quispe") is None


def test_honorific_surname_of_the_kb_person_in_office(link):
    found = link("Le chef de la diplomatie américaine est arrivé à Séoul. M. Pompeo a salué le dialogue.",
                 published="2019-06-15")
    assert actor_of(found, "M. Pompeo") == "pompeo"
    assert code_of(found, "M. Pompeo") == "USA"


def test_family_name_first(link):
    found = link("M. Kim a présidé une réunion du parti. Le dirigeant nord-coréen Kim Jong Un a ensuite parlé.")
    assert code_of(found, "M. Kim") == "PRK"


def test_body_introduced_by_a_description_is_remembered(link):
    found = link("Selon l'agence chilienne Noticias Libres, le scrutin est reporté. "
                 "Noticias Libres ajoute que l'opposition proteste.")
    assert code_of(found, "agence chilienne Noticias Libres") == "CHL"
    later = [m for m in found if m[0] == "Noticias Libres"]
    assert later and later[0][1] == "CHL"
    assert later[0][2].startswith(DISCOVERED)


@pytest.mark.parametrize(("text", "phrase", "code"), [
    ("Les services secrets russes sont accusés.", "services secrets russes", "RUS"),
    ("Les services russes sont accusés.", "services russes", "RUS"),
    ("Un haut responsable américain a démenti.", "haut responsable américain", "USA"),
    ("Les enquêteurs irakiens ont interrogé les suspects.", "enquêteurs irakiens", "IRQ"),
    ("Le ministère sud-coréen de l'Unification a réagi.", "ministère sud-coréen de l'Unification", "KOR"),
    ("La présidence sud-coréenne a réagi.", "présidence sud-coréenne", "KOR"),
    ("Il accuse l'État russe d'avoir organisé l'attaque.", "État russe", "RUS"),
    ("Washington veut isoler le régime Assad.", "régime Assad", "SYR"),
    ("Les sanctions de l'administration Trump visent Caracas.", "administration Trump", "USA"),
    ("Les combats opposent l'armée aux rebelles Houthis.", "rebelles Houthis", "YEM"),
    ("Un responsable du département d'État américain a parlé.", "département d'État américain", "USA"),
])
def test_organ_descriptions(link, text, phrase, code):
    found = link(text)
    assert code_of(found, phrase) == code


@pytest.mark.parametrize(("text", "name", "code"), [
    ("L'Otan a convoqué une réunion.", "Otan", "NATO"),
    ("La Cédéao a suspendu le Mali.", "Cédéao", "ECOWAS"),
    ("L'AIEA a inspecté le site.", "AIEA", "IAEA"),
    ("Le Conseil de sécurité de l'ONU se réunit.", "Conseil de sécurité de l'ONU", "UN"),
    ("Téhéran a rejeté les accusations contre la République islamique.", "République islamique", "IRN"),
    ("Abou Dhabi a signé un accord avec l'État hébreu.", "État hébreu", "ISR"),
])
def test_igo_and_state_spellings(link, text, name, code):
    assert code_of(link(text), name) == code


def test_state_named_inside_a_titled_name(link):
    found = link("Il a félicité le roi Hamad de Bahreïn pour l'accord.", published="2020-09-12")
    assert code_of(found, "roi Hamad") == "BHR"


def test_glued_sentences_and_quotes_are_split(veille_nlp):
    doc = veille_nlp.make_doc('Il accuse "Moscou".Le Kremlin.- Economie en 2018.Le pays')
    words = [t.text for t in doc]
    assert "Moscou" in words and "Kremlin" in words and "2018" in words and "Le" in words
    abbreviation = veille_nlp.make_doc("aux U.S.A. et")
    assert "U.S.A." in [t.text for t in abbreviation]
    # a title glued to its name: the title, then the name; an acronym stays whole
    assert [t.text for t in veille_nlp.make_doc("où M.Tavares était, MM.Ruiz et Mme.Leroux")][1:7] == \
        ["M.", "Tavares", "était", ",", "MM.", "Ruiz"]
    assert "M.A.R.S." in [t.text for t in veille_nlp.make_doc("la mission M.A.R.S. a")]


def test_outlet_home_state(veille_nlp):
    """``doc._.home`` (the outlet's state, when the ingest knows it): a text that names no state
    speaks of that state's government; "le président de la République" alone is its president."""
    def run(text: str, home: str | None) -> dict[str, str | None]:
        doc = veille_nlp.make_doc(text)
        doc._.published, doc._.home = "2020-06-15", home
        for _, proc in veille_nlp.pipeline:
            doc = proc(doc)
        return {s.text: s._.code for s in doc.spans["mentions"] if s.label_ != "DATE"}

    text = "Le président de la République a réuni le gouvernement mardi."
    assert run(text, None) == {"président de la République": None, "gouvernement": None}
    assert run(text, "FRA") == {"président de la République": "FRA", "gouvernement": "FRA"}
    abroad = run("A Lima, le président de la République, Aurelio Quispe, a réuni le gouvernement péruvien.", "FRA")
    assert abroad["président de la République"] != "FRA"  # a name in apposition: not the outlet's president
    assert abroad["gouvernement péruvien"] == "PER"


def test_title_area_before_the_name_and_particles_inside_it(link):
    found = link("Il a rencontré le conseiller omanais à la sécurité nationale Saïd ben Hamdan Al-Rawahi, "
                 "puis le secrétaire d'État américain aux Affaires africaines Tom Bellamy.", published="2020-08-26")
    assert code_of(found, "Saïd ben Hamdan Al-Rawahi") == "OMN"
    assert code_of(found, "Tom Bellamy") == "USA"
    assert actor_of(found, "secrétaire d'État américain") != "pompeo"  # a junior post, not the usual holder


def test_nationality_noun_before_a_name(link):
    found = link("L'Iranien Ahmad Karimi a été arrêté à Paris. M. Karimi nie les faits.")
    assert code_of(found, "Ahmad Karimi") == "IRN"
    assert code_of(found, "M. Karimi") == "IRN"


def test_modifier_with_a_sector_makes_a_description_specific(link):
    found = link("Au Yémen, les combats ont repris. Les forces séparatistes ont pris le port.")
    assert code_of(found, "forces séparatistes") == "YEM"


def test_title_of_an_unqualified_institution_takes_the_focus_state(link):
    found = link("A Kaboul, les talibans et le gouvernement afghan négocient. Le porte-parole du Conseil de "
                 "sécurité nationale, Karim Nouri, a confirmé l'échange.", published="2020-08-10")
    assert code_of(found, "porte-parole du Conseil de sécurité nationale") == "AFG"
    assert code_of(found, "Karim Nouri") == "AFG"


def test_surname_keeps_its_person_whatever_the_ner_label(link):
    found = link("Le ministre syrien des Affaires étrangères Walid Moualem a parlé. Pour Moualem, "
                 "les sanctions sont injustes.", published="2020-06-15")
    later = [m for m in found if m[0] == "Moualem"]
    assert later and later[0][1] == "SYR"


def test_apposition_through_a_restating_description(link):
    found = link("Le porte-parole du Kremlin, la présidence russe, Ivan Bortnikov, a démenti.")
    assert code_of(found, "Ivan Bortnikov") == "RUS"


def test_anti_and_pro_prefixes(link):
    found = link("Au Yémen, le camp anti-Houthis est divisé. Des manifestants anti-Trump ont défilé à Londres.")
    houthis = [m for m in found if m[0] == "Houthis"]
    assert houthis and houthis[0][1] == "YEM"
    assert code_of(found, "Trump") == "USA"
    assert all("anti-" not in m[0] for m in found)


def test_people_named_in_a_political_text_about_one_state_are_its_own(link):
    found = link("Au Mali, le gouvernement de transition et l'armée malienne ont rencontré l'opposition à Bamako. "
                 "Le Premier ministre malien a reçu les chefs des partis. L'imam Ousmane Kadiatou a appelé au "
                 "calme. M. Kadiatou a ensuite quitté la capitale malienne.")
    assert code_of(found, "Ousmane Kadiatou") == "MLI"
    assert code_of(found, "M. Kadiatou") == "MLI"
    assert actor_of(found, "Ousmane Kadiatou").startswith(DISCOVERED)


def test_people_of_a_text_without_officials_stay_unlinked(link):
    found = link("Au Mali, le festival de Ségou a accueilli des milliers de spectateurs. La chanteuse Aminata "
                 "Kadiatou a enchanté le public malien.")
    assert all(code is None for surface, code, _ in found if "Kadiatou" in surface), found


def test_the_north_and_the_south_of_a_divided_nation_are_its_states(link) -> None:
    both = link("La Corée du Nord a rompu le dialogue avec la Corée du Sud. Le Nord a ensuite tiré deux missiles "
                "et menacé le Sud. Les pluies ont frappé le Nord du pays.")
    halves = [(text, code) for text, code, _ in both if text.endswith(("Nord", "Sud")) and "Corée" not in text]
    assert halves[:2] == [("Nord", "PRK"), ("Sud", "KOR")], both
    assert all(code is None for text, code in halves[2:]), both  # "le Nord du pays" is a region
    one = link("La Corée du Nord a tiré deux missiles. Le Nord a ensuite menacé le Japon.")
    assert all(code != "PRK" for text, code, _ in one if text == "Nord"), one


def test_one_of_several_is_still_an_apposition(link) -> None:
    found = link("La rencontre a été positive, a remarqué Zora Bakri, l'une des négociatrices de Kaboul.")
    assert code_of(found, "Zora Bakri") == "AFG", found


def test_a_nationality_set_off_by_commas_is_the_person_s(link) -> None:
    after = link("Le chercheur Paul Dumont, français, spécialiste de la Corne de l'Afrique, est détenu à Téhéran. "
                 "M. Dumont a été condamné.")
    assert code_of(after, "Paul Dumont") == "FRA" and code_of(after, "M. Dumont") == "FRA", after
    before = link("Fariba Adelkhah et sa collègue australienne, Kylie Moore-Gilbert, ont entamé une grève de la faim.")
    assert code_of(before, "Kylie Moore-Gilbert") == "AUS", before
    troops = link("Après les soldats russes, Jean Dupont, a-t-il dit, est parti.")
    assert code_of(troops, "Jean Dupont") is None, troops


def test_an_unknown_body_named_by_a_state_organ_s_noun_belongs_to_the_focus_state(link) -> None:
    found = link("Le président ivoirien a reçu mardi à Abidjan le ministre ivoirien de la Défense. Le Premier ministre "
                 "ivoirien a annoncé la réforme. La Commission militaire centrale a approuvé le plan.")
    assert code_of(found, "Commission militaire centrale") == "CIV", found
    alone = link("La Commission militaire centrale a approuvé le plan.")
    assert all(code is None for text, code, _ in alone if "Commission" in text), alone


def test_title_with_a_complement_before_the_name(link):
    # "<title> auprès de <body>, <name>": the complement does not take the title's place
    found = link("Ambassadrice de Belgique auprès de l'Otan, Marthe Vandeputte a plaidé pour un dialogue. "
                 "Marthe Vandeputte a ensuite quitté la salle.")
    assert [c for s, c, _ in found if s == "Marthe Vandeputte"] == ["BEL", "BEL"], found


def test_a_bare_organ_noun_repeats_the_body_named_before(link):
    found = link("Le Trésor américain a sanctionné lundi trois hommes d'affaires syriens. Le Trésor a aussi "
                 "gelé les avoirs de deux banques.")
    assert [(s, c, a) for s, c, a in found if s == "Trésor"] == [("Trésor", "USA", "tresor_us")]


@pytest.mark.parametrize("text", [
    "Le Trésor a gelé les avoirs de deux banques.",  # no body named before
    "Le régime syrien a bombardé Idleb. Les opposants réclament un changement de régime.",  # no article
])
def test_a_bare_organ_noun_without_its_body_stays_unlinked(link, text):
    found = link(text)
    assert not any(s in ("Trésor", "régime") for s, _, _ in found)


def test_nationality_adjective_of_a_common_noun_before_the_name(link):
    found = link("Le Conseil de sécurité s'est réuni mardi à New York. Les États-Unis et la Serbie ont voté contre. "
                 "Belgrade a rendu hommage au violoniste hongrois Ferenc Kádasi, mort lundi. "
                 "Le ministre serbe de la Culture, Dragan Ilić, a salué sa mémoire.")
    assert code_of(found, "Ferenc Kádasi") == "HUN"


def test_origin_demonym_names_the_state(link):
    found = link("À Londres, des milliers de manifestants ont défilé mardi devant le Parlement britannique. "
                 "Ils ont rendu hommage à l'Afro-Américain Darnell Hobbs, tué par un policier, a dit le maire.")
    assert code_of(found, "Darnell Hobbs") == "USA"


def test_home_subdivisions_count_for_the_focus(link):
    found = link("Présent dans la Dordogne jeudi, le ministre Gaspard Vellier a suspendu l'agrément d'un abattoir "
                 "de Boulazac, après la diffusion d'une vidéo par une association. Le site appartient au groupe "
                 "néerlandais Vandermolen, a rappelé le préfet. M. Vellier a demandé une enquête administrative.")
    assert code_of(found, "Dordogne") == "FRA"
    assert code_of(found, "Gaspard Vellier") == "FRA"


def test_a_subdivision_inside_a_state_name_is_not_read(link):
    found = link("La Grande-Bretagne a rappelé son ambassadeur, a annoncé Londres mardi.")
    assert code_of(found, "Grande-Bretagne") == "GBR"


def test_a_state_body_named_by_its_acronym_alone_needs_its_state_in_the_text(link):
    found = link("La SPA a recueilli cet été bien plus de chiens abandonnés que l'an dernier, a indiqué la "
                 "présidente de la SPA, Mireille Dantec, lors d'une visite du refuge de Villeurbanne, près de Lyon.")
    assert code_of(found, "SPA") != "SAU"
    assert code_of(found, "Mireille Dantec") != "SAU"
    found = link("Riyad a confirmé mardi la visite du prince héritier à Pékin, selon l'agence officielle SPA.")
    assert code_of(found, "SPA") == "SAU"


def test_two_acronyms_of_one_state_support_each_other(link):
    found = link("Le groupe LREM a perdu sept députés mardi, tandis que LFI a dénoncé un « naufrage ».")
    assert code_of(found, "LREM") == "FRA"


def test_a_description_a_known_group_qualifies_is_of_that_groups_state(link):
    # a text about France (its towns, its president) still speaks of Yemen's rebels when it names them
    text = ("Le président Emmanuel Macron s'est réjoui à Marseille de la libération de l'humanitaire lyonnais. "
            "Il était retenu depuis un an par les rebelles houthis à Sanaa, selon l'Élysée.")
    found = link(text)
    assert code_of(found, "rebelles") == "YEM", found
    # without the group's name, the same description has no state of its own to take
    bare = link("Le président Emmanuel Macron s'est réjoui à Marseille de la libération de l'humanitaire lyonnais. "
                "Il était retenu depuis un an par des rebelles dans le désert, selon l'Élysée.")
    assert all(code != "YEM" for surface, code, _ in bare if "rebelles" in surface), bare


@pytest.mark.parametrize("text", [
    "Selon Slate, l'ancien Premier ministre français aurait rencontré des élus catalans à Barcelone.",
    "Comme le rappelle Slate, l'ancien Premier ministre français a quitté la mairie de Barcelone.",
])
def test_a_source_before_a_comma_is_no_apposition_of_the_clause_subject(link, text):
    # the comma closes "selon X" or "comme le rappelle X", and the minister is the subject of what follows:
    # the outlet does not take the minister's state and sector
    found = link(text)
    assert code_of(found, "Slate") is None and actor_of(found, "Slate") is None
    assert code_of(found, "Premier ministre") == "FRA"


@pytest.mark.parametrize("text", [
    "Marine Le Pen, présidente du Rassemblement national, a dénoncé mardi la réforme des retraites.",
    "Mardi, Marine Le Pen a dénoncé la réforme des retraites devant ses militants.",
])
def test_a_surname_opened_by_a_capitalised_particle_keeps_its_first_name(link, text):
    # "Marine" is also the navy, and the NER starts the name at "Le" or "Pen": the particle and the first
    # name before it are the name's
    assert any(surface == "Marine Le Pen" for surface, _, _ in link(text))


@pytest.mark.parametrize(("text", "name", "state"), [
    ("Le gouvernement français a salué le roi Albert lors de sa visite officielle à Paris.", "roi Albert", None),
    ("Le Premier ministre français a reçu les élus à Paris. La bague de la princesse Diana a été exposée au musée.",
     "princesse Diana", None),
    ("Le gouvernement marocain a salué le roi Hassan lors de sa visite officielle à Rabat.", "roi Hassan", "MAR"),
])
def test_a_royal_title_takes_the_focus_state_only_when_it_is_a_monarchy(link, text, name, state):
    assert code_of(link(text), name) == state


@pytest.mark.parametrize(("text", "name", "expected"), [
    ("L'avocate du ministre ivoirien, Me Awa Koné, a fait appel jeudi.", "Awa Koné", "awa_kone"),
    ("Selon le porte-parole du gouvernement nigérien, Dr Issa Maïga, le bilan s'alourdit.", "Issa Maïga",
     "issa_maiga"),
    ("Le conseiller du président béninois, Pr Luc Adjovi, a démissionné.", "Luc Adjovi", "luc_adjovi"),
])
def test_a_title_before_a_discovered_name_is_none_of_its_id(link, text, name, expected) -> None:
    # the mention keeps its title as the text writes it; the id is the name's alone
    found = link(text)
    surface = next(s for s, _, _ in found if name in s)
    assert surface != name
    assert actor_of(found, name) == DISCOVERED + expected


@pytest.mark.parametrize("text, name", [
    ("Le ministre Karel Novak de Tchéquie a condamné l'attaque contre l'ambassade.", "ministre Karel Novak"),
    ("La ministre Ana Torres du Pérou a accusé le Chili d'espionnage.", "ministre Ana Torres du Pérou"),
    ("Le vice-ministre Li Wen de Chine a critiqué le Japon.", "vice-ministre Li Wen"),
])
def test_a_minister_discovered_with_the_state_after_the_name_is_of_the_government(veille_nlp, text, name):
    """"le ministre X de Y": a person the knowledge base does not hold takes Y's code and the title's sector (GOV),
    not a sector None."""
    doc = veille_nlp.make_doc(text)
    doc._.published = "2023-05-03"
    doc = veille_nlp(doc)
    found = [m for m in doc.spans["mentions"] if m.text == name]
    assert found and found[0]._.discovered and found[0]._.sector == "GOV", [
        (m.text, m._.code, m._.sector, m._.discovered) for m in doc.spans["mentions"]]
