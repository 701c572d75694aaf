#!/usr/bin/env python3
"""Generates knowledge/kb/countries.jsonl from Debian's iso-codes (ISO 3166-1).

    python3 knowledge/kb/gen_countries.py > knowledge/kb/countries.jsonl

Names come from iso-codes (name, common_name, official_name); the common
English short names, demonyms/adjectives, plural group names and capitals
below are curated because iso-codes does not carry them.
"""
import json
import sys

ISO = "/usr/share/iso-codes/json/iso_3166-1.json"

# Preferred short name where the ISO name is a "X, Y of" inversion.
NAMES = {
    "BOL": "Bolivia", "COD": "Democratic Republic of the Congo", "COG": "Republic of the Congo",
    "FSM": "Micronesia", "IRN": "Iran", "KOR": "South Korea", "LAO": "Laos",
    "MDA": "Moldova", "PRK": "North Korea", "PSE": "Palestine", "SYR": "Syria",
    "TWN": "Taiwan", "TZA": "Tanzania", "VAT": "Vatican City", "VEN": "Venezuela",
    "VNM": "Vietnam", "RUS": "Russia", "GBR": "United Kingdom", "USA": "United States",
    "CZE": "Czech Republic", "CIV": "Ivory Coast", "BRN": "Brunei", "CPV": "Cape Verde",
    "SWZ": "Eswatini", "TUR": "Turkey", "MKD": "North Macedonia", "FLK": "Falkland Islands",
    "VGB": "British Virgin Islands", "VIR": "US Virgin Islands", "MAF": "Saint Martin",
    "SXM": "Sint Maarten", "CCK": "Cocos Islands", "SHN": "Saint Helena",
    "BES": "Caribbean Netherlands",
}

# Extra aliases (abbreviations, older or informal names).
ALIASES = {
    "USA": ["US", "U.S.", "U.S.A.", "USA", "America", "United States of America", "the United States", "the US", "the U.S."],
    "GBR": ["UK", "U.K.", "Britain", "Great Britain", "the UK", "the United Kingdom"],
    "RUS": ["Russian Federation"], "KOR": ["Korea", "Republic of Korea", "S. Korea"],
    "PRK": ["DPRK", "N. Korea"], "CHN": ["People's Republic of China", "PRC", "Mainland China"],
    "ARE": ["UAE", "U.A.E.", "Emirates"], "COD": ["DR Congo", "DRC", "Congo-Kinshasa", "Zaire"],
    "COG": ["Congo-Brazzaville", "Congo"], "CZE": ["Czechia"], "MMR": ["Burma"],
    "NLD": ["Holland", "the Netherlands"], "PSE": ["Palestinian territories", "Palestinian Territories"],
    "TUR": ["Turkiye", "Türkiye"], "CIV": ["Côte d'Ivoire", "Cote d'Ivoire"],
    "VAT": ["Holy See", "Vatican"], "SAU": ["Saudi"], "BIH": ["Bosnia"], "PHL": ["the Philippines"],
    "MKD": ["Macedonia"], "LKA": ["Ceylon"], "SWZ": ["Swaziland"], "TLS": ["East Timor"],
    "IRN": ["Persia"], "BHS": ["the Bahamas"], "GMB": ["the Gambia"], "VNM": ["Viet Nam"],
    "SYR": ["Syrian Arab Republic"], "LBY": ["Libya"],
}

# Demonyms/adjectives (singular, used attributively) and plural group names.
DEMONYMS = {
    "AFG": (["Afghan"], ["Afghans"]), "ALB": (["Albanian"], ["Albanians"]),
    "DZA": (["Algerian"], ["Algerians"]), "AGO": (["Angolan"], ["Angolans"]),
    "ARG": (["Argentine", "Argentinian", "Argentinean"], ["Argentines", "Argentinians"]),
    "ARM": (["Armenian"], ["Armenians"]), "AUS": (["Australian", "Aussie"], ["Australians"]),
    "AUT": (["Austrian"], ["Austrians"]), "AZE": (["Azerbaijani", "Azeri"], ["Azerbaijanis", "Azeris"]),
    "BHR": (["Bahraini"], ["Bahrainis"]), "BGD": (["Bangladeshi"], ["Bangladeshis"]),
    "BLR": (["Belarusian"], ["Belarusians"]), "BEL": (["Belgian"], ["Belgians"]),
    "BOL": (["Bolivian"], ["Bolivians"]), "BIH": (["Bosnian"], ["Bosnians"]),
    "BRA": (["Brazilian"], ["Brazilians"]), "BGR": (["Bulgarian"], ["Bulgarians"]),
    "KHM": (["Cambodian"], ["Cambodians"]), "CMR": (["Cameroonian"], ["Cameroonians"]),
    "CAN": (["Canadian"], ["Canadians"]), "CHL": (["Chilean"], ["Chileans"]),
    "CHN": (["Chinese"], []), "COL": (["Colombian"], ["Colombians"]),
    "COD": (["Congolese"], []), "CRI": (["Costa Rican"], ["Costa Ricans"]),
    "HRV": (["Croatian", "Croat"], ["Croatians", "Croats"]), "CUB": (["Cuban"], ["Cubans"]),
    "CYP": (["Cypriot"], ["Cypriots"]), "CZE": (["Czech"], ["Czechs"]),
    "DNK": (["Danish"], ["Danes"]), "DOM": (["Dominican"], ["Dominicans"]),
    "ECU": (["Ecuadorian", "Ecuadorean"], ["Ecuadorians"]), "EGY": (["Egyptian"], ["Egyptians"]),
    "SLV": (["Salvadoran", "Salvadorean"], ["Salvadorans"]), "ERI": (["Eritrean"], ["Eritreans"]),
    "EST": (["Estonian"], ["Estonians"]), "ETH": (["Ethiopian"], ["Ethiopians"]),
    "FIN": (["Finnish"], ["Finns"]), "FRA": (["French"], ["Frenchmen"]),
    "GEO": (["Georgian"], ["Georgians"]), "DEU": (["German"], ["Germans"]),
    "GHA": (["Ghanaian"], ["Ghanaians"]), "GRC": (["Greek"], ["Greeks"]),
    "GTM": (["Guatemalan"], ["Guatemalans"]), "HTI": (["Haitian"], ["Haitians"]),
    "HND": (["Honduran"], ["Hondurans"]), "HUN": (["Hungarian"], ["Hungarians"]),
    "ISL": (["Icelandic"], ["Icelanders"]), "IND": (["Indian"], ["Indians"]),
    "IDN": (["Indonesian"], ["Indonesians"]), "IRN": (["Iranian", "Persian"], ["Iranians"]),
    "IRQ": (["Iraqi"], ["Iraqis"]), "IRL": (["Irish"], ["Irishmen"]),
    "ISR": (["Israeli"], ["Israelis"]), "ITA": (["Italian"], ["Italians"]),
    "JAM": (["Jamaican"], ["Jamaicans"]), "JPN": (["Japanese"], []),
    "JOR": (["Jordanian"], ["Jordanians"]), "KAZ": (["Kazakh", "Kazakhstani"], ["Kazakhs"]),
    "KEN": (["Kenyan"], ["Kenyans"]), "KWT": (["Kuwaiti"], ["Kuwaitis"]),
    "KGZ": (["Kyrgyz"], []), "LAO": (["Lao", "Laotian"], ["Laotians"]),
    "LVA": (["Latvian"], ["Latvians"]), "LBN": (["Lebanese"], []),
    "LBY": (["Libyan"], ["Libyans"]), "LTU": (["Lithuanian"], ["Lithuanians"]),
    "LUX": (["Luxembourgish"], ["Luxembourgers"]), "MYS": (["Malaysian"], ["Malaysians"]),
    "MLI": (["Malian"], ["Malians"]), "MLT": (["Maltese"], []),
    "MEX": (["Mexican"], ["Mexicans"]), "MDA": (["Moldovan"], ["Moldovans"]),
    "MNG": (["Mongolian"], ["Mongolians"]), "MNE": (["Montenegrin"], ["Montenegrins"]),
    "MAR": (["Moroccan"], ["Moroccans"]), "MOZ": (["Mozambican"], ["Mozambicans"]),
    "MMR": (["Myanmar", "Burmese"], []), "NPL": (["Nepali", "Nepalese"], ["Nepalis"]),
    "NLD": (["Dutch"], ["Dutchmen"]), "NZL": (["New Zealand"], ["New Zealanders"]),
    "NIC": (["Nicaraguan"], ["Nicaraguans"]), "NER": (["Nigerien"], ["Nigeriens"]),
    "NGA": (["Nigerian"], ["Nigerians"]), "PRK": (["North Korean"], ["North Koreans"]),
    "MKD": (["Macedonian", "North Macedonian"], ["Macedonians"]), "NOR": (["Norwegian"], ["Norwegians"]),
    "OMN": (["Omani"], ["Omanis"]), "PAK": (["Pakistani"], ["Pakistanis"]),
    "PSE": (["Palestinian"], ["Palestinians"]), "PAN": (["Panamanian"], ["Panamanians"]),
    "PRY": (["Paraguayan"], ["Paraguayans"]), "PER": (["Peruvian"], ["Peruvians"]),
    "PHL": (["Filipino", "Philippine"], ["Filipinos"]), "POL": (["Polish"], ["Poles"]),
    "PRT": (["Portuguese"], []), "QAT": (["Qatari"], ["Qataris"]),
    "ROU": (["Romanian"], ["Romanians"]), "RUS": (["Russian"], ["Russians"]),
    "RWA": (["Rwandan"], ["Rwandans"]), "SAU": (["Saudi", "Saudi Arabian"], ["Saudis"]),
    "SEN": (["Senegalese"], []), "SRB": (["Serbian", "Serb"], ["Serbians", "Serbs"]),
    "SGP": (["Singaporean"], ["Singaporeans"]), "SVK": (["Slovak", "Slovakian"], ["Slovaks"]),
    "SVN": (["Slovenian", "Slovene"], ["Slovenians", "Slovenes"]), "SOM": (["Somali"], ["Somalis"]),
    "ZAF": (["South African"], ["South Africans"]), "KOR": (["South Korean"], ["South Koreans"]),
    "SSD": (["South Sudanese"], []), "ESP": (["Spanish"], ["Spaniards"]),
    "LKA": (["Sri Lankan"], ["Sri Lankans"]), "SDN": (["Sudanese"], []),
    "SWE": (["Swedish"], ["Swedes"]), "CHE": (["Swiss"], []),
    "SYR": (["Syrian"], ["Syrians"]), "TWN": (["Taiwanese"], []),
    "TJK": (["Tajik", "Tajikistani"], ["Tajiks"]), "TZA": (["Tanzanian"], ["Tanzanians"]),
    "THA": (["Thai"], ["Thais"]), "TUN": (["Tunisian"], ["Tunisians"]),
    "TUR": (["Turkish"], ["Turks"]), "TKM": (["Turkmen"], ["Turkmens"]),
    "UGA": (["Ugandan"], ["Ugandans"]), "UKR": (["Ukrainian"], ["Ukrainians"]),
    "ARE": (["Emirati"], ["Emiratis"]), "GBR": (["British", "UK", "Briton"], ["Britons", "Brits"]),
    "USA": (["American", "US", "U.S."], ["Americans"]), "URY": (["Uruguayan"], ["Uruguayans"]),
    "UZB": (["Uzbek", "Uzbekistani"], ["Uzbeks"]), "VEN": (["Venezuelan"], ["Venezuelans"]),
    "VNM": (["Vietnamese"], []), "YEM": (["Yemeni"], ["Yemenis"]),
    "ZMB": (["Zambian"], ["Zambians"]), "ZWE": (["Zimbabwean"], ["Zimbabweans"]),
    "BWA": (["Botswanan"], ["Batswana"]), "NAM": (["Namibian"], ["Namibians"]),
    "TCD": (["Chadian"], ["Chadians"]), "BFA": (["Burkinabe"], []),
    "GIN": (["Guinean"], ["Guineans"]), "CIV": (["Ivorian"], ["Ivorians"]),
    "MDG": (["Malagasy"], []), "MWI": (["Malawian"], ["Malawians"]),
    "LBR": (["Liberian"], ["Liberians"]), "SLE": (["Sierra Leonean"], ["Sierra Leoneans"]),
    "MRT": (["Mauritanian"], ["Mauritanians"]), "CAF": (["Central African"], []),
    "BTN": (["Bhutanese"], []), "MDV": (["Maldivian"], ["Maldivians"]),
    "FJI": (["Fijian"], ["Fijians"]), "PNG": (["Papua New Guinean"], []),
}

# Capitals: their names are used metonymically for governments.
CAPITALS = {
    "AFG": ["Kabul"], "DZA": ["Algiers"], "ARG": ["Buenos Aires"], "ARM": ["Yerevan"],
    "AUS": ["Canberra"], "AUT": ["Vienna"], "AZE": ["Baku"], "BHR": ["Manama"],
    "BGD": ["Dhaka"], "BLR": ["Minsk"], "BEL": ["Brussels"], "BRA": ["Brasilia", "Brasília"],
    "BGR": ["Sofia"], "KHM": ["Phnom Penh"], "CAN": ["Ottawa"], "CHL": ["Santiago"],
    "CHN": ["Beijing", "Peking", "Zhongnanhai"], "COL": ["Bogota", "Bogotá"], "COD": ["Kinshasa"],
    "HRV": ["Zagreb"], "CUB": ["Havana"], "CYP": ["Nicosia"], "CZE": ["Prague"],
    "DNK": ["Copenhagen"], "EGY": ["Cairo"], "EST": ["Tallinn"], "ETH": ["Addis Ababa"],
    "FIN": ["Helsinki"], "FRA": ["Paris", "Élysée", "Elysee", "Élysée Palace", "Elysee Palace", "Matignon"], "GEO": ["Tbilisi"], "DEU": ["Berlin", "Bonn"],
    "GHA": ["Accra"], "GRC": ["Athens"], "HUN": ["Budapest"], "ISL": ["Reykjavik"],
    "IND": ["New Delhi"], "IDN": ["Jakarta"], "IRN": ["Tehran", "Teheran"], "IRQ": ["Baghdad"],
    "IRL": ["Dublin"], "ISR": ["Jerusalem", "Tel Aviv"], "ITA": ["Rome"], "JPN": ["Tokyo"],
    "JOR": ["Amman"], "KAZ": ["Astana", "Almaty"], "KEN": ["Nairobi"], "KWT": ["Kuwait City"],
    "LVA": ["Riga"], "LBN": ["Beirut"], "LBY": ["Tripoli"], "LTU": ["Vilnius"],
    "MYS": ["Kuala Lumpur"], "MEX": ["Mexico City"], "MDA": ["Chisinau"], "MNG": ["Ulaanbaatar"],
    "MAR": ["Rabat"], "MMR": ["Naypyidaw", "Yangon", "Rangoon"], "NPL": ["Kathmandu"],
    "NLD": ["Amsterdam", "The Hague"], "NZL": ["Wellington"], "NGA": ["Abuja"],
    "PRK": ["Pyongyang"], "NOR": ["Oslo"], "OMN": ["Muscat"], "PAK": ["Islamabad"],
    "PSE": ["Ramallah"], "PER": ["Lima"], "PHL": ["Manila"], "POL": ["Warsaw"],
    "PRT": ["Lisbon"], "QAT": ["Doha"], "ROU": ["Bucharest"], "RUS": ["Moscow", "the Kremlin", "Kremlin"],
    "SAU": ["Riyadh"], "SRB": ["Belgrade"], "SGP": [], "SVK": ["Bratislava"], "SVN": ["Ljubljana"],
    "SOM": ["Mogadishu"], "ZAF": ["Pretoria"], "KOR": ["Seoul", "Blue House"], "ESP": ["Madrid"],
    "LKA": ["Colombo"], "SDN": ["Khartoum"], "SWE": ["Stockholm"], "CHE": ["Bern", "Berne"],
    "SYR": ["Damascus"], "TWN": ["Taipei"], "THA": ["Bangkok"], "TUN": ["Tunis"],
    "TUR": ["Ankara"], "UGA": ["Kampala"], "UKR": ["Kyiv", "Kiev", "Bankova"], "ARE": ["Abu Dhabi"],
    "GBR": ["London", "Downing Street", "Whitehall", "Number 10", "No 10", "No. 10"], "USA": ["Washington", "the White House", "White House"],
    "VEN": ["Caracas"], "VNM": ["Hanoi"], "YEM": ["Sanaa", "Sana'a"], "ZWE": ["Harare"],
    "SSD": ["Juba"], "RWA": ["Kigali"], "TZA": ["Dodoma"], "ZMB": ["Lusaka"], "SEN": ["Dakar"],
    "CIV": ["Abidjan", "Yamoussoukro"], "CMR": ["Yaounde"], "AGO": ["Luanda"], "MOZ": ["Maputo"],
    "ECU": ["Quito"], "BOL": ["La Paz"], "URY": ["Montevideo"], "PRY": ["Asuncion"],
    "ALB": ["Tirana"], "BIH": ["Sarajevo"], "MKD": ["Skopje"], "MNE": ["Podgorica"],
    "LUX": [], "UZB": ["Tashkent"], "TJK": ["Dushanbe"], "KGZ": ["Bishkek"], "TKM": ["Ashgabat"],
    "NIC": ["Managua"], "HND": ["Tegucigalpa"], "GTM": [], "SLV": [], "PAN": [], "DOM": ["Santo Domingo"],
    "HTI": ["Port-au-Prince"], "JAM": ["Kingston"], "CRI": ["San Jose"],
    # Capitals of smaller states, whose names head datelines ("FREETOWN,
    # March 13 (Reuters) -"). Left out where the name is the country's own
    # (Djibouti, Monaco, Singapore, San Marino, Sao Tome) or names other
    # places as often (St. John's, St. George's, Georgetown, Victoria,
    # Male, Yaren).
    "AND": ["Andorra la Vella"], "BDI": ["Gitega", "Bujumbura"], "BEN": ["Porto-Novo", "Cotonou"],
    "BFA": ["Ouagadougou"], "BHS": ["Nassau"], "BLZ": ["Belmopan"], "BRB": ["Bridgetown"],
    "BRN": ["Bandar Seri Begawan"], "BTN": ["Thimphu"], "BWA": ["Gaborone"], "CAF": ["Bangui"],
    "COG": ["Brazzaville"], "COM": ["Moroni"], "CPV": ["Praia"], "DMA": ["Roseau"],
    "ERI": ["Asmara"], "FJI": ["Suva"], "FSM": ["Palikir"], "GAB": ["Libreville"],
    "GIN": ["Conakry"], "GMB": ["Banjul"], "GNB": ["Bissau"], "GNQ": ["Malabo"],
    "KIR": ["Tarawa", "South Tarawa"], "KNA": ["Basseterre"], "LAO": ["Vientiane"],
    "LBR": ["Monrovia"], "LCA": ["Castries"], "LIE": ["Vaduz"], "LSO": ["Maseru"],
    "MDG": ["Antananarivo"], "MDV": ["Malé"], "MHL": ["Majuro"], "MLI": ["Bamako"],
    "MLT": ["Valletta"], "MRT": ["Nouakchott"], "MUS": ["Port Louis"], "MWI": ["Lilongwe"],
    "NAM": ["Windhoek"], "NER": ["Niamey"], "PNG": ["Port Moresby"], "PLW": ["Ngerulmud"],
    "SLB": ["Honiara"], "SLE": ["Freetown"], "SUR": ["Paramaribo"], "SWZ": ["Mbabane"],
    "TCD": ["N'Djamena", "Ndjamena"], "TGO": ["Lomé", "Lome"], "TLS": ["Dili"],
    "TON": ["Nuku'alofa"], "TTO": ["Port of Spain"], "TUV": ["Funafuti"],
    "VCT": ["Kingstown"], "VUT": ["Port Vila"], "WSM": ["Apia"],
}


def main():
    data = json.load(open(ISO, encoding="utf-8"))["3166-1"]
    out = []
    for c in data:
        a3 = c["alpha_3"]
        name = NAMES.get(a3) or c.get("common_name") or c["name"]
        aliases = []
        for n in (c["name"], c.get("common_name"), c.get("official_name")):
            if n and n != name and "," not in n and "(" not in n:
                aliases.append(n)
        aliases += ALIASES.get(a3, [])
        dem, plural = DEMONYMS.get(a3, ([], []))
        entry = {
            "id": a3,
            "name": name,
            "type": "LOCATION",
            "kind": "country",
            "country": a3,
            "role": "country",
            "aliases": sorted(set(a for a in aliases if a != name)),
            "demonyms": dem,
            "group_names": plural,
            "capitals": CAPITALS.get(a3, []),
            "iso_alpha2": c["alpha_2"],
        }
        out.append(entry)
    for e in out:
        sys.stdout.write(json.dumps(e, ensure_ascii=False, sort_keys=True) + "\n")


if __name__ == "__main__":
    main()
