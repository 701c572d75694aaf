#!/usr/bin/env python3
"""Generates knowledge/kb/subdivisions.jsonl from Debian's iso-codes (ISO 3166-2).

    python3 knowledge/kb/gen_subdivisions.py > knowledge/kb/subdivisions.jsonl

Input: /usr/share/iso-codes/json/iso_3166-2.json and -1.json (Debian package
iso-codes, 4.15.0 in Debian 12; LGPL-2.1+) and the package's English
message catalogue for the few English names it carries ("Bayern" ->
"Bavaria").

One line per subdivision: id = the ISO 3166-2 code ("US-CA", "GB-SCT"), so
sub-national offices can name it as their owner; kind "region", type
LOCATION, country = ISO alpha-3. ISO names are written in the local language
or a romanisation ("Nordrhein-Westfalen", "Chechenskaya Respublika"), so
English names news uses are curated below (ENGLISH), and a name with
diacritics also gets its ASCII spelling ("Tokyo" for "Tôkyô").

Strength of the names: the first-level units of the countries in
STRONG_COUNTRIES (states, provinces, Länder, nations of the UK, ...) and the
entries folded in from the hand-written files (FOLDED) are curated names,
matched like any alias. Every other subdivision is a gazetteer entry
("gazetteer": true): its names are weak evidence (AliasKind::kGazetteer),
because thousands of them are also common words, cities or other actors
("Central", "Eastern", "Berlin", "Georgia"). A strong candidate is demoted to
the gazetteer too when one of its names is already a name, alias, capital or
demonym in the hand-written files (countries, organisations, parties,
places), so "Washington" stays the United States' capital metonym and
"Georgia" the country. Strong subdivisions may carry curated demonyms
(DEMONYMS: "Scottish", "Catalan").

FOLDED lists the regions that were hand entries before this file existed
("california-usa" in places.jsonl, "scotland" in organisations.jsonl): they
now live here under their ISO code with the old id in "former_ids", which
the loader still resolves.
"""
import gettext
import json
import os
import re
import sys
import unicodedata

ISO1 = "/usr/share/iso-codes/json/iso_3166-1.json"
ISO2 = "/usr/share/iso-codes/json/iso_3166-2.json"
MO = "/usr/share/locale/en/LC_MESSAGES/iso_3166-2.mo"
HERE = os.path.dirname(os.path.abspath(__file__))
# Hand-written files whose names a strong subdivision must not take over.
HAND_FILES = ["countries.jsonl", "historic.jsonl", "organisations.jsonl",
              "parties.jsonl", "places.jsonl"]

# First-level units whose names news uses as actors or places on their own.
STRONG_COUNTRIES = {"US", "CA", "AU", "DE", "IN", "CN", "ES", "IT", "RU", "BR",
                    "MX", "UA", "NG", "PK", "FR", "AT", "CH", "BE", "JP", "AR",
                    "ZA", "IQ", "SY", "AF"}
# Only these first-level units of GB (the others are counties and councils).
STRONG_CODES = {"GB-ENG", "GB-SCT", "GB-WLS", "GB-NIR"}
# Codes of STRONG_COUNTRIES left in the gazetteer: outlying areas that are
# also ISO 3166-1 countries (the country entry is the actor).
NOT_STRONG = {"US-AS", "US-GU", "US-MP", "US-PR", "US-UM", "US-VI", "CN-HK",
              "CN-MO", "CN-TW", "FR-BL", "FR-CP", "FR-GF", "FR-GP", "FR-MF",
              "FR-MQ", "FR-NC", "FR-PF", "FR-PM", "FR-RE", "FR-TF", "FR-WF",
              "FR-YT"}

# Hand entries moved here: code -> (former id, curated name, curated aliases).
FOLDED = {
    "US-DC": ("district-of-columbia-usa", "District of Columbia",
              ["DC", "D.C.", "Washington, DC", "Washington, D.C."]),
    "DE-BY": ("bavaria-deu", "Bavaria", []),
    "IT-82": ("sicily-ita", "Sicily", []),
    "IT-88": ("sardinia-ita", "Sardinia", []),
    "IT-25": ("lombardy-ita", "Lombardy", []),
    "ES-CT": ("catalonia-esp", "Catalonia", []),
    "ES-PV": ("basque-country-esp", "Basque Country", []),
    "ES-AN": ("andalusia-esp", "Andalusia", []),
    "IN-PB": ("punjab-ind", "Punjab", []),
    "IN-GJ": ("gujarat-ind", "Gujarat", []),
    "IN-KL": ("kerala-ind", "Kerala", []),
    "AU-QLD": ("queensland-aus", "Queensland", []),
    "AU-TAS": ("tasmania-aus", "Tasmania", []),
    "CA-QC": ("quebec-can", "Quebec", []),
    "CA-ON": ("ontario-can", "Ontario", []),
    "CA-AB": ("alberta-can", "Alberta", []),
    "CA-BC": ("british-columbia-can", "British Columbia", []),
    "MX-CHP": ("chiapas-mex", "Chiapas", []),
    "RU-DA": ("dagestan-rus", "Dagestan", []),
    "RU-CE": ("chechnya", "Chechnya", []),
    "JP-47": ("okinawa-jpn", "Okinawa", []),
    "CN-XJ": ("xinjiang", "Xinjiang", []),
    "CN-XZ": ("tibet", "Tibet", []),
    "UA-43": ("crimea", "Crimea", []),
    "ET-TI": ("tigray-eth", "Tigray", []),
    "ID-AC": ("aceh-idn", "Aceh", []),
    "ID-BA": ("bali-idn", "Bali", []),
    "GB-SCT": ("scotland", "Scotland", []),
    "GB-ENG": ("england", "England", []),
    "GB-WLS": ("wales", "Wales", []),
    "GB-NIR": ("northern-ireland", "Northern Ireland", ["Ulster"]),
}
# Every US state was "<state>-usa" in places.jsonl, except New York
# ("new-york-usa" is the city), Washington and Georgia (never listed, their
# names being the capital metonym and the country).
US_STATE_NOT_FOLDED = {"New York", "Washington", "Georgia"}

# English names (first = the name, the rest aliases) where the ISO name is
# not the one English-language news uses.
ENGLISH = {
    # Germany
    "DE-NW": ["North Rhine-Westphalia"], "DE-NI": ["Lower Saxony"],
    "DE-RP": ["Rhineland-Palatinate"], "DE-HE": ["Hesse"],
    "DE-SN": ["Saxony"], "DE-ST": ["Saxony-Anhalt"], "DE-TH": ["Thuringia"],
    "DE-MV": ["Mecklenburg-Western Pomerania", "Mecklenburg-Vorpommern"],
    # Italy
    "IT-21": ["Piedmont"], "IT-23": ["Aosta Valley"], "IT-32": ["Trentino-South Tyrol", "Trentino-Alto Adige"],
    "IT-52": ["Tuscany"], "IT-62": ["Lazio", "Latium"], "IT-75": ["Apulia", "Puglia"],
    # Spain
    "ES-CN": ["Canary Islands"], "ES-IB": ["Balearic Islands"], "ES-NC": ["Navarre"],
    "ES-CL": ["Castile and León"], "ES-CM": ["Castilla-La Mancha"],
    "ES-VC": ["Valencian Community"], "ES-MD": ["Community of Madrid"],
    "ES-AS": ["Asturias"], "ES-MC": ["Murcia"], "ES-AR": ["Aragon"],
    # France
    "FR-BRE": ["Brittany"], "FR-NOR": ["Normandy"], "FR-20R": ["Corsica"],
    "FR-IDF": ["Île-de-France", "Ile-de-France", "Paris region"],
    "FR-PAC": ["Provence-Alpes-Côte d'Azur"], "FR-BFC": ["Burgundy-Franche-Comté"],
    "FR-GES": ["Grand Est"], "FR-CVL": ["Centre-Val de Loire"],
    # Russia
    "RU-TA": ["Tatarstan"], "RU-BA": ["Bashkortostan"], "RU-IN": ["Ingushetia"],
    "RU-KB": ["Kabardino-Balkaria"], "RU-SA": ["Yakutia", "Sakha Republic"],
    "RU-BU": ["Buryatia"], "RU-TY": ["Tuva"], "RU-KR": ["Karelia"],
    "RU-MOW": ["Moscow"], "RU-SPE": ["Saint Petersburg", "St Petersburg"],
    "RU-MOS": ["Moscow Oblast", "Moscow region"], "RU-LEN": ["Leningrad Oblast", "Leningrad region"],
    "RU-KGD": ["Kaliningrad Oblast", "Kaliningrad region"], "RU-BEL": ["Belgorod Oblast", "Belgorod region"],
    "RU-KRS": ["Kursk Oblast", "Kursk region"], "RU-BRY": ["Bryansk Oblast", "Bryansk region"],
    "RU-ROS": ["Rostov Oblast", "Rostov region"], "RU-KDA": ["Krasnodar Krai", "Krasnodar region"],
    "RU-PRI": ["Primorsky Krai", "Primorye"], "RU-KHA": ["Khabarovsk Krai"],
    "RU-KAM": ["Kamchatka Krai", "Kamchatka"], "RU-CHU": ["Chukotka"],
    "RU-NVS": ["Novosibirsk Oblast"], "RU-SVE": ["Sverdlovsk Oblast"],
    "RU-VGG": ["Volgograd Oblast"], "RU-MUR": ["Murmansk Oblast"],
    "RU-VOR": ["Voronezh Oblast"], "RU-SMO": ["Smolensk Oblast"],
    "RU-PSK": ["Pskov Oblast"], "RU-NIZ": ["Nizhny Novgorod Oblast"],
    "RU-SAM": ["Samara Oblast"], "RU-IRK": ["Irkutsk Oblast"],
    "RU-CHE": ["Chelyabinsk Oblast"], "RU-TVE": ["Tver Oblast"],
    # Ukraine
    "UA-14": ["Donetsk Oblast", "Donetsk region"], "UA-09": ["Luhansk Oblast", "Luhansk region"],
    "UA-23": ["Zaporizhzhia Oblast", "Zaporizhzhia region"], "UA-65": ["Kherson Oblast", "Kherson region"],
    "UA-63": ["Kharkiv Oblast", "Kharkiv region"], "UA-12": ["Dnipropetrovsk Oblast", "Dnipropetrovsk region"],
    "UA-46": ["Lviv Oblast", "Lviv region"], "UA-51": ["Odesa Oblast", "Odesa region", "Odessa region"],
    "UA-32": ["Kyiv Oblast", "Kyiv region"], "UA-59": ["Sumy Oblast", "Sumy region"],
    "UA-74": ["Chernihiv Oblast", "Chernihiv region"], "UA-48": ["Mykolaiv Oblast", "Mykolaiv region"],
    "UA-53": ["Poltava Oblast", "Poltava region"], "UA-30": ["Kyiv"], "UA-40": ["Sevastopol"],
    # China
    "CN-NM": ["Inner Mongolia"], "CN-GX": ["Guangxi"], "CN-NX": ["Ningxia"],
    "CN-BJ": ["Beijing"], "CN-SH": ["Shanghai"], "CN-TJ": ["Tianjin"], "CN-CQ": ["Chongqing"],
    # Others
    "AT-9": ["Vienna"], "AT-3": ["Lower Austria"], "AT-4": ["Upper Austria"],
    "AT-6": ["Styria"], "AT-2": ["Carinthia"], "AT-7": ["Tyrol"],
    "CH-ZH": ["Zurich"], "CH-GE": ["Geneva"], "CH-BE": ["Bern"], "CH-TI": ["Ticino"],
    "BE-VLG": ["Flanders", "Flemish Region"], "BE-WAL": ["Wallonia", "Walloon Region"],
    "BE-BRU": ["Brussels-Capital Region"],
    "GB-WLS": ["Wales"], "MX-CMX": ["Mexico City"], "MX-MEX": ["State of Mexico"],
    "MX-NLE": ["Nuevo León"], "MX-MIC": ["Michoacán"], "BR-DF": ["Federal District"],
    "IQ-AN": ["Anbar"], "IQ-AR": ["Erbil"], "IQ-BA": ["Basra"], "IQ-BG": ["Baghdad"],
    "IQ-NI": ["Nineveh"], "IQ-SD": ["Salahuddin", "Salah al-Din"], "IQ-DI": ["Diyala"],
    "IQ-KI": ["Kirkuk"], "IQ-DA": ["Dohuk", "Duhok"], "IQ-SU": ["Sulaymaniyah"],
    "SY-DI": ["Damascus"], "SY-HL": ["Aleppo"], "SY-HM": ["Hama"], "SY-HI": ["Homs"],
    "SY-LA": ["Latakia"], "SY-RA": ["Raqqa"], "SY-DR": ["Daraa"], "SY-DY": ["Deir ez-Zor"],
    "SY-HA": ["Hasakah"], "SY-RD": ["Rif Dimashq"], "SY-SU": ["Suwayda", "Sweida"],
    "SY-QU": ["Quneitra"], "SY-TA": ["Tartus"],
    "AF-HEL": ["Helmand"], "AF-KAN": ["Kandahar"],
    "ZA-GP": ["Gauteng"], "ZA-KZN": ["KwaZulu-Natal"], "ZA-WC": ["Western Cape"], "ZA-EC": ["Eastern Cape"],
    "AR-C": ["Buenos Aires City"], "AR-B": ["Buenos Aires Province"],
    "PK-PB": ["Punjab"], "PK-KP": ["Khyber Pakhtunkhwa"], "PK-SD": ["Sindh"], "PK-BA": ["Balochistan"],
}

# Adjectives and plural group names of subdivisions that news uses like a
# country's ("the Scottish government", "Catalan separatists").
DEMONYMS = {
    "GB-SCT": (["Scottish"], ["Scots"]), "GB-WLS": (["Welsh"], []),
    "GB-NIR": (["Northern Irish"], []), "ES-CT": (["Catalan"], ["Catalans"]),
    "ES-PV": (["Basque"], ["Basques"]), "DE-BY": (["Bavarian"], ["Bavarians"]),
    "US-TX": (["Texan"], ["Texans"]), "US-CA": (["Californian"], ["Californians"]),
    "CA-QC": (["Quebec", "Québécois", "Quebecois"], ["Quebecers", "Québécois"]),
    "RU-CE": (["Chechen"], ["Chechens"]), "CN-XZ": (["Tibetan"], ["Tibetans"]),
    "UA-43": (["Crimean"], []), "IT-82": (["Sicilian"], ["Sicilians"]),
    "ES-AN": (["Andalusian"], ["Andalusians"]), "FR-20R": (["Corsican"], ["Corsicans"]),
}

# AP-style abbreviations of US states, as datelines write them ("SACRAMENTO,
# Calif. -"); general knowledge of AP usage.
US_AP = {
    "US-AL": "Ala.", "US-AZ": "Ariz.", "US-AR": "Ark.", "US-CA": "Calif.",
    "US-CO": "Colo.", "US-CT": "Conn.", "US-DE": "Del.", "US-FL": "Fla.",
    "US-GA": "Ga.", "US-IL": "Ill.", "US-KS": "Kan.", "US-KY": "Ky.",
    "US-LA": "La.", "US-MD": "Md.", "US-MA": "Mass.", "US-MI": "Mich.",
    "US-MN": "Minn.", "US-MO": "Mo.", "US-MT": "Mont.", "US-NE": "Neb.",
    "US-NV": "Nev.", "US-NH": "N.H.", "US-NJ": "N.J.", "US-NM": "N.M.",
    "US-NY": "N.Y.", "US-NC": "N.C.", "US-ND": "N.D.", "US-OK": "Okla.",
    "US-OR": "Ore.", "US-PA": "Pa.", "US-RI": "R.I.", "US-SC": "S.C.",
    "US-SD": "S.D.", "US-TN": "Tenn.", "US-VT": "Vt.", "US-VA": "Va.",
    "US-WA": "Wash.", "US-WV": "W.Va.", "US-WI": "Wis.", "US-WY": "Wyo.",
}

# Countries whose ISO names are romanisations with scholarly marks
# ("Badakhshān", "Tôkyô", "Ḩalab"): the plain ASCII spelling, which English
# news uses, becomes the name and the marked one an alias.
ROMANISED = {"AF", "AE", "AM", "AZ", "BD", "BH", "BY", "CN", "DZ", "EG", "GE",
             "IL", "IN", "IQ", "IR", "JO", "JP", "KG", "KH", "KP", "KR", "KW",
             "KZ", "LA", "LB", "LK", "LY", "MA", "MM", "MN", "NP", "OM", "PK",
             "PS", "QA", "RU", "SA", "SD", "SY", "TH", "TJ", "TM", "TN", "TW",
             "UA", "UZ", "VN", "YE"}

TYPE_SUFFIXES = [" Sheng", " Shi", " Zizhiqu", " SAR", " Uygur", " Zhuangzu", " Huizu"]


# Letters that Unicode does not decompose into a base letter and a mark.
UNDECOMPOSED = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d",
                              "Đ": "D", "ß": "ss", "æ": "ae", "Æ": "Ae", "œ": "oe",
                              "Œ": "Oe", "ı": "i", "þ": "th", "Þ": "Th", "ð": "d",
                              "ħ": "h", "Ħ": "H"})


def ascii_fold(s):
    s = s.replace("’", "'").replace("‘", "'").replace("ʼ", "'").translate(UNDECOMPOSED)
    return "".join(c for c in unicodedata.normalize("NFKD", s)
                    if not unicodedata.combining(c))


def iso_names(raw):
    """Name and aliases from an ISO 3166-2 name as iso-codes writes it."""
    aliases = []
    name = raw.replace("*", "")
    m = re.match(r"^(.*?) \[(.*)\]$", name)  # "Catalunya [Cataluña]", "Cardiff [Caerdydd GB-CRD]"
    if m:
        name = m.group(1)
        other = re.sub(r"\s+[A-Z]{2}-[A-Z0-9]+$", "", m.group(2)).rstrip("*")
        if other and other != name:
            aliases.append(other)
    m = re.match(r"^(.*?) \((.*)\)$", name)  # "Sofia (stolitsa)", "Davao (Region XI)"
    if m:
        aliases.append(name)
        name = m.group(1)
    if ", " in name:
        head, tail = name.split(", ", 1)
        if not re.search(r"\b(and|y|et|und)\b", tail) and "," not in tail:
            # "Asturias, Principado de" -> "Principado de Asturias";
            # "London, City of" -> "City of London"
            full = tail + " " + head
            if tail in ("City of", "County"):
                name = full
            else:
                name = head
                aliases.append(full)
    for suffix in TYPE_SUFFIXES:
        if name.endswith(suffix):
            aliases.append(name)
            name = name[: -len(suffix)]
    return name, aliases


def hand_surfaces():
    """Names, aliases, capitals and demonyms of the hand-written files."""
    taken = {}
    folded_ids = {v[0] for v in FOLDED.values()}
    for f in HAND_FILES:
        path = os.path.join(HERE, f)
        if not os.path.exists(path):
            continue
        for line in open(path, encoding="utf-8"):
            line = line.strip()
            if not line or line.startswith("#") or line.startswith("//"):
                continue
            e = json.loads(line)
            if e.get("kind") == "title" or e["id"] in folded_ids:
                continue
            if e["id"] in US_FOLDED_IDS:
                continue
            for key in ("name",):
                if e.get(key):
                    taken.setdefault(e[key].lower(), e["id"])
            for key in ("aliases", "capitals", "demonyms", "group_names"):
                for s in e.get(key, []):
                    taken.setdefault(s.lower(), e["id"])
    return taken


US_FOLDED_IDS = set()


def us_state_id(name):
    return re.sub(r"[^a-z0-9]+", "-", name.lower()) + "-usa"


def main():
    countries = json.load(open(ISO1, encoding="utf-8"))["3166-1"]
    alpha3 = {c["alpha_2"]: c["alpha_3"] for c in countries}
    subs = json.load(open(ISO2, encoding="utf-8"))["3166-2"]
    english_mo = gettext.GNUTranslations(open(MO, "rb"))._catalog
    for s in subs:
        if s["code"].startswith("US-") and s["type"] == "State" and \
                s["name"] not in US_STATE_NOT_FOLDED:
            US_FOLDED_IDS.add(us_state_id(s["name"]))
    taken = hand_surfaces()
    codes = {s["code"] for s in subs}
    for code in list(FOLDED) + list(ENGLISH):
        assert code in codes, code

    out = []
    for s in subs:
        code = s["code"]
        cc = code.split("-")[0]
        name, aliases = iso_names(s["name"])
        translated = english_mo.get(s["name"])
        former = []
        curated = []
        if translated and translated != s["name"] and "," not in translated:
            curated.append(translated)
        curated += ENGLISH.get(code, [])
        if code in FOLDED:
            fid, fname, faliases = FOLDED[code]
            former.append(fid)
            curated = [fname] + faliases + curated
        elif code.startswith("US-") and us_state_id(s["name"]) in US_FOLDED_IDS:
            former.append(us_state_id(s["name"]))
        if cc in ROMANISED and ascii_fold(name) != name:
            aliases = [name] + aliases
            name = ascii_fold(name)
        if curated:
            aliases = [name] + aliases + curated[1:]
            name = curated[0]
        names = [name] + aliases
        names += [ascii_fold(n) for n in names]
        seen = set()
        uniq = []
        for n in names:
            if n and n not in seen:
                seen.add(n)
                uniq.append(n)
        name, aliases = uniq[0], uniq[1:]
        top_level = "parent" not in s
        strong = bool(former) or code in STRONG_CODES or (
            top_level and cc in STRONG_COUNTRIES and code not in NOT_STRONG)
        if strong and not former:
            clash = [n for n in uniq if n.lower() in taken]
            if clash:
                strong = False
        entry = {
            "id": code,
            "name": name,
            "type": "LOCATION",
            "kind": "region",
            "country": alpha3.get(cc, cc),
            "role": "place",
        }
        if strong and code in US_AP:
            aliases = aliases + [US_AP[code]]
        if aliases:
            entry["aliases"] = aliases
        if former:
            entry["former_ids"] = former
        if not strong:
            entry["gazetteer"] = True
        elif code in DEMONYMS:
            dem, groups = DEMONYMS[code]
            if dem:
                entry["demonyms"] = dem
            if groups:
                entry["group_names"] = groups
        out.append(entry)
    for e in out:
        sys.stdout.write(json.dumps(e, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
