#!/usr/bin/env python3
"""Write ``ontology/states.ttl``, the gazetteer of kg, from the tables in this file.

The gazetteer holds every UN member state, the two observer states (Holy See, Palestine), Taiwan and
Kosovo; the organizations and groups of the relation vocabulary (``shared/relations.md``); the
capitals with their coordinates; and heads of state and government (and some ministers) from about
2014 on, with the names news uses for each of them.

Run from anywhere: ``python tools/make_gazetteer.py [--output PATH]``. The output is deterministic:
subjects, predicates and values are written in a fixed order, so two runs give identical bytes.
ISO codes (alpha-2, numeric) and default official names come from pycountry; everything else is in
the tables below. Facts here are as of late 2026 to the best of the team's knowledge.
"""

from __future__ import annotations

import argparse
import re
import sys
import unicodedata
from pathlib import Path

import pycountry

KG = "https://w3id.org/kgstates/ontology#"

PREFIXES = [
    ("kg", KG),
    ("actor", "https://w3id.org/kgstates/actor/"),
    ("person", "https://w3id.org/kgstates/person/"),
    ("place", "https://w3id.org/kgstates/place/"),
    ("wd", "http://www.wikidata.org/entity/"),
    ("geo", "http://www.w3.org/2003/01/geo/wgs84_pos#"),
    ("skos", "http://www.w3.org/2004/02/skos/core#"),
    ("owl", "http://www.w3.org/2002/07/owl#"),
    ("rdfs", "http://www.w3.org/2000/01/rdf-schema#"),
    ("xsd", "http://www.w3.org/2001/XMLSchema#"),
]

# ---------------------------------------------------------------------------------------------
# States: ISO alpha-3 | short English name news uses | Wikidata item | demonyms (;) | capital |
# other names (;). UN member unless listed in UN_STATUS. Names with a leading "the" are listed only
# where news writes the article as part of the name; matchers treat a leading "the" as optional.
# ---------------------------------------------------------------------------------------------
STATES = """
AFG|Afghanistan|Q889|Afghan|Kabul|Islamic Emirate of Afghanistan;Taliban government;Taliban administration;Taliban authorities;Taliban-led government;Taliban rulers
ALB|Albania|Q222|Albanian|Tirana|
DZA|Algeria|Q262|Algerian|Algiers|
AND|Andorra|Q228|Andorran|Andorra la Vella|
AGO|Angola|Q916|Angolan|Luanda|
ATG|Antigua and Barbuda|Q781|Antiguan;Barbudan|St. John's|Antigua
ARG|Argentina|Q414|Argentine;Argentinian|Buenos Aires|Argentine Republic
ARM|Armenia|Q399|Armenian|Yerevan|
AUS|Australia|Q408|Australian|Canberra|
AUT|Austria|Q40|Austrian|Vienna|
AZE|Azerbaijan|Q227|Azerbaijani;Azeri|Baku|
BHS|Bahamas|Q778|Bahamian|Nassau|the Bahamas
BHR|Bahrain|Q398|Bahraini|Manama|
BGD|Bangladesh|Q902|Bangladeshi|Dhaka|
BRB|Barbados|Q244|Barbadian;Bajan|Bridgetown|
BLR|Belarus|Q184|Belarusian|Minsk|
BEL|Belgium|Q31|Belgian|Brussels|
BLZ|Belize|Q242|Belizean|Belmopan|
BEN|Benin|Q962|Beninese|Porto-Novo|
BTN|Bhutan|Q917|Bhutanese|Thimphu|
BOL|Bolivia|Q750|Bolivian|Sucre|
BIH|Bosnia and Herzegovina|Q225|Bosnian;Bosnian-Herzegovinian|Sarajevo|Bosnia;Bosnia-Herzegovina
BWA|Botswana|Q963|Botswanan;Motswana|Gaborone|
BRA|Brazil|Q155|Brazilian|Brasília|
BRN|Brunei|Q921|Bruneian|Bandar Seri Begawan|Brunei Darussalam
BGR|Bulgaria|Q219|Bulgarian|Sofia|
BFA|Burkina Faso|Q965|Burkinabe;Burkinabè|Ouagadougou|
BDI|Burundi|Q967|Burundian|Gitega|
CPV|Cape Verde|Q1011|Cape Verdean;Cabo Verdean|Praia|Cabo Verde
KHM|Cambodia|Q424|Cambodian|Phnom Penh|
CMR|Cameroon|Q1009|Cameroonian|Yaoundé|
CAN|Canada|Q16|Canadian|Ottawa|
CAF|Central African Republic|Q929|Central African|Bangui|
TCD|Chad|Q657|Chadian|N'Djamena|
CHL|Chile|Q298|Chilean|Santiago|
CHN|China|Q148|Chinese|Beijing|PRC;P.R.C.;mainland China;Communist China
COL|Colombia|Q739|Colombian|Bogotá|
COM|Comoros|Q970|Comoran;Comorian|Moroni|the Comoros
COG|Republic of the Congo|Q971|Congolese|Brazzaville|Republic of Congo;Congo-Brazzaville;Congo Republic
CRI|Costa Rica|Q800|Costa Rican|San José|
CIV|Ivory Coast|Q1008|Ivorian|Yamoussoukro|Côte d'Ivoire;Cote d'Ivoire;Côte d’Ivoire;Cote d’Ivoire
HRV|Croatia|Q224|Croatian|Zagreb|
CUB|Cuba|Q241|Cuban|Havana|
CYP|Cyprus|Q229|Cypriot|Nicosia|
CZE|Czech Republic|Q213|Czech|Prague|Czechia
COD|Democratic Republic of the Congo|Q974|Congolese|Kinshasa|Congo;DR Congo;DRC;D.R. Congo;Democratic Republic of Congo;Congo-Kinshasa
DNK|Denmark|Q35|Danish|Copenhagen|
DJI|Djibouti|Q977|Djiboutian|Djibouti|
DMA|Dominica|Q784|Dominican|Roseau|Commonwealth of Dominica
DOM|Dominican Republic|Q786|Dominican|Santo Domingo|
ECU|Ecuador|Q736|Ecuadorian;Ecuadorean|Quito|
EGY|Egypt|Q79|Egyptian|Cairo|
SLV|El Salvador|Q792|Salvadoran;Salvadorian|San Salvador|
GNQ|Equatorial Guinea|Q983|Equatorial Guinean;Equatoguinean|Malabo|
ERI|Eritrea|Q986|Eritrean|Asmara|
EST|Estonia|Q191|Estonian|Tallinn|
SWZ|Eswatini|Q1050|Swazi|Mbabane|Swaziland
ETH|Ethiopia|Q115|Ethiopian|Addis Ababa|
FJI|Fiji|Q712|Fijian|Suva|
FIN|Finland|Q33|Finnish|Helsinki|
FRA|France|Q142|French|Paris|
GAB|Gabon|Q1000|Gabonese|Libreville|
GMB|Gambia|Q1005|Gambian|Banjul|the Gambia
GEO|Georgia|Q230|Georgian|Tbilisi|
DEU|Germany|Q183|German|Berlin|
GHA|Ghana|Q117|Ghanaian|Accra|
GRC|Greece|Q41|Greek|Athens|
GRD|Grenada|Q769|Grenadian|St. George's|
GTM|Guatemala|Q774|Guatemalan|Guatemala City|
GIN|Guinea|Q1006|Guinean|Conakry|Guinea-Conakry
GNB|Guinea-Bissau|Q1007|Bissau-Guinean|Bissau|Guinea Bissau
GUY|Guyana|Q734|Guyanese|Georgetown|
HTI|Haiti|Q790|Haitian|Port-au-Prince|
HND|Honduras|Q783|Honduran|Tegucigalpa|
HUN|Hungary|Q28|Hungarian|Budapest|
ISL|Iceland|Q189|Icelandic|Reykjavík|
IND|India|Q668|Indian|New Delhi|Bharat
IDN|Indonesia|Q252|Indonesian|Jakarta|
IRN|Iran|Q794|Iranian|Tehran|the Islamic Republic
IRQ|Iraq|Q796|Iraqi|Baghdad|
IRL|Ireland|Q27|Irish|Dublin|Republic of Ireland
ISR|Israel|Q801|Israeli|Jerusalem|the Jewish state
ITA|Italy|Q38|Italian|Rome|
JAM|Jamaica|Q766|Jamaican|Kingston|
JPN|Japan|Q17|Japanese|Tokyo|
JOR|Jordan|Q810|Jordanian|Amman|
KAZ|Kazakhstan|Q232|Kazakh;Kazakhstani|Astana|
KEN|Kenya|Q114|Kenyan|Nairobi|
KIR|Kiribati|Q710|I-Kiribati|Tarawa|
KWT|Kuwait|Q817|Kuwaiti|Kuwait City|
KGZ|Kyrgyzstan|Q813|Kyrgyz;Kyrgyzstani|Bishkek|
LAO|Laos|Q819|Lao;Laotian|Vientiane|Lao PDR
LVA|Latvia|Q211|Latvian|Riga|
LBN|Lebanon|Q822|Lebanese|Beirut|
LSO|Lesotho|Q1013|Basotho;Mosotho|Maseru|
LBR|Liberia|Q1014|Liberian|Monrovia|
LBY|Libya|Q1016|Libyan|Tripoli|
LIE|Liechtenstein|Q347|Liechtensteiner|Vaduz|
LTU|Lithuania|Q37|Lithuanian|Vilnius|
LUX|Luxembourg|Q32|Luxembourgish;Luxembourger|Luxembourg|
MDG|Madagascar|Q1019|Malagasy|Antananarivo|
MWI|Malawi|Q1020|Malawian|Lilongwe|
MYS|Malaysia|Q833|Malaysian|Kuala Lumpur|
MDV|Maldives|Q826|Maldivian|Malé|the Maldives
MLI|Mali|Q912|Malian|Bamako|
MLT|Malta|Q233|Maltese|Valletta|
MHL|Marshall Islands|Q709|Marshallese|Majuro|the Marshall Islands
MRT|Mauritania|Q1025|Mauritanian|Nouakchott|
MUS|Mauritius|Q1027|Mauritian|Port Louis|
MEX|Mexico|Q96|Mexican|Mexico City|
FSM|Micronesia|Q702|Micronesian|Palikir|
MDA|Moldova|Q217|Moldovan|Chișinău|Republic of Moldova
MCO|Monaco|Q235|Monegasque;Monégasque|Monaco|
MNG|Mongolia|Q711|Mongolian|Ulaanbaatar|
MNE|Montenegro|Q236|Montenegrin|Podgorica|
MAR|Morocco|Q1028|Moroccan|Rabat|
MOZ|Mozambique|Q1029|Mozambican|Maputo|
MMR|Myanmar|Q836|Burmese|Naypyidaw|Burma
NAM|Namibia|Q1030|Namibian|Windhoek|
NRU|Nauru|Q697|Nauruan|Yaren|
NPL|Nepal|Q837|Nepali;Nepalese|Kathmandu|
NLD|Netherlands|Q55|Dutch|Amsterdam|the Netherlands;Holland
NZL|New Zealand|Q664|New Zealander|Wellington|
NIC|Nicaragua|Q811|Nicaraguan|Managua|
NER|Niger|Q1032|Nigerien|Niamey|
NGA|Nigeria|Q1033|Nigerian|Abuja|
PRK|North Korea|Q423|North Korean|Pyongyang|DPRK;D.P.R.K.;N. Korea
MKD|North Macedonia|Q221|North Macedonian;Macedonian|Skopje|Macedonia
NOR|Norway|Q20|Norwegian|Oslo|
OMN|Oman|Q842|Omani|Muscat|
PAK|Pakistan|Q843|Pakistani|Islamabad|
PLW|Palau|Q695|Palauan|Ngerulmud|
PAN|Panama|Q804|Panamanian|Panama City|
PNG|Papua New Guinea|Q691|Papua New Guinean|Port Moresby|PNG
PRY|Paraguay|Q733|Paraguayan|Asunción|
PER|Peru|Q419|Peruvian|Lima|
PHL|Philippines|Q928|Filipino;Philippine|Manila|the Philippines
POL|Poland|Q36|Polish|Warsaw|
PRT|Portugal|Q45|Portuguese|Lisbon|
QAT|Qatar|Q846|Qatari|Doha|
KOR|South Korea|Q884|South Korean|Seoul|ROK;R.O.K.;Republic of Korea;S. Korea
ROU|Romania|Q218|Romanian|Bucharest|
RUS|Russia|Q159|Russian|Moscow|Russian Federation
RWA|Rwanda|Q1037|Rwandan|Kigali|
KNA|Saint Kitts and Nevis|Q763|Kittitian;Nevisian|Basseterre|St. Kitts and Nevis;St Kitts and Nevis
LCA|Saint Lucia|Q760|Saint Lucian|Castries|St. Lucia;St Lucia
VCT|Saint Vincent and the Grenadines|Q757|Vincentian|Kingstown|St. Vincent and the Grenadines;St Vincent and the Grenadines
WSM|Samoa|Q683|Samoan|Apia|
SMR|San Marino|Q238|Sammarinese|San Marino|
STP|São Tomé and Príncipe|Q1039|Santomean;São Toméan|São Tomé|Sao Tome and Principe
SAU|Saudi Arabia|Q851|Saudi;Saudi Arabian|Riyadh|KSA
SEN|Senegal|Q1041|Senegalese|Dakar|
SRB|Serbia|Q403|Serbian|Belgrade|
SYC|Seychelles|Q1042|Seychellois|Victoria|the Seychelles
SLE|Sierra Leone|Q1044|Sierra Leonean|Freetown|
SGP|Singapore|Q334|Singaporean|Singapore|
SVK|Slovakia|Q214|Slovak|Bratislava|
SVN|Slovenia|Q215|Slovenian;Slovene|Ljubljana|
SLB|Solomon Islands|Q685|Solomon Islander|Honiara|the Solomon Islands
SOM|Somalia|Q1045|Somali|Mogadishu|
ZAF|South Africa|Q258|South African|Pretoria|
SSD|South Sudan|Q958|South Sudanese|Juba|
ESP|Spain|Q29|Spanish|Madrid|
LKA|Sri Lanka|Q854|Sri Lankan|Sri Jayawardenepura Kotte|
SDN|Sudan|Q1049|Sudanese|Khartoum|the Sudan
SUR|Suriname|Q730|Surinamese|Paramaribo|Surinam
SWE|Sweden|Q34|Swedish|Stockholm|
CHE|Switzerland|Q39|Swiss|Bern|
SYR|Syria|Q858|Syrian|Damascus|
TJK|Tajikistan|Q863|Tajik;Tajikistani|Dushanbe|
TZA|Tanzania|Q924|Tanzanian|Dodoma|
THA|Thailand|Q869|Thai|Bangkok|
TLS|East Timor|Q574|Timorese;East Timorese|Dili|Timor-Leste;Timor Leste
TGO|Togo|Q945|Togolese|Lomé|
TON|Tonga|Q678|Tongan|Nukuʻalofa|
TTO|Trinidad and Tobago|Q754|Trinidadian;Tobagonian|Port of Spain|Trinidad & Tobago
TUN|Tunisia|Q948|Tunisian|Tunis|
TUR|Turkey|Q43|Turkish|Ankara|Türkiye;Turkiye
TKM|Turkmenistan|Q874|Turkmen|Ashgabat|
TUV|Tuvalu|Q672|Tuvaluan|Funafuti|
UGA|Uganda|Q1036|Ugandan|Kampala|
UKR|Ukraine|Q212|Ukrainian|Kyiv|the Ukraine
ARE|United Arab Emirates|Q878|Emirati|Abu Dhabi|UAE;U.A.E.;the Emirates
GBR|United Kingdom|Q145|British|London|UK;U.K.;the UK;the U.K.;Britain;Great Britain;the United Kingdom
USA|United States|Q30|American|Washington|US;U.S.;USA;U.S.A.;the US;the U.S.;the United States;United States of America;America
URY|Uruguay|Q77|Uruguayan|Montevideo|
UZB|Uzbekistan|Q265|Uzbek;Uzbekistani|Tashkent|
VUT|Vanuatu|Q686|Ni-Vanuatu;Vanuatuan|Port Vila|
VEN|Venezuela|Q717|Venezuelan|Caracas|
VNM|Vietnam|Q881|Vietnamese|Hanoi|Viet Nam
YEM|Yemen|Q805|Yemeni|Sanaa|
ZMB|Zambia|Q953|Zambian|Lusaka|
ZWE|Zimbabwe|Q954|Zimbabwean|Harare|
VAT|Holy See|Q159583|Vatican;Papal|Vatican City|Vatican;the Vatican;Vatican City State
PSE|Palestine|Q219060|Palestinian|Ramallah|
TWN|Taiwan|Q865|Taiwanese|Taipei|Chinese Taipei
XKX|Kosovo|Q1246|Kosovar;Kosovan|Pristina|
COK|Cook Islands|Q26988|Cook Islander|Avarua|the Cook Islands
NIU|Niue|Q34020|Niuean|Alofi|
"""

UN_STATUS = {"VAT": "observer", "PSE": "observer", "TWN": "non-member", "XKX": "non-member",
             "COK": "non-member", "NIU": "non-member"}  # (states in free association with New Zealand)

# Codes pycountry does not have (Kosovo's user-assigned code).
EXTRA_CODES = {"XKX": ("XK", None)}

# Official names where pycountry has none or not the current English form.
OFFICIAL = {
    "AFG": "Islamic Republic of Afghanistan",
    "ARE": "United Arab Emirates",
    "ATG": "Antigua and Barbuda",
    "AUS": "Commonwealth of Australia",
    "BHS": "Commonwealth of The Bahamas",
    "BRB": "Barbados",
    "BFA": "Burkina Faso",
    "BLZ": "Belize",
    "BRN": "Brunei Darussalam",
    "CAF": "Central African Republic",
    "CAN": "Canada",
    "COD": "Democratic Republic of the Congo",
    "DOM": "Dominican Republic",
    "ERI": "State of Eritrea",
    "GEO": "Georgia",
    "GMB": "Republic of The Gambia",
    "GRD": "Grenada",
    "HUN": "Hungary",
    "IRL": "Ireland",
    "JAM": "Jamaica",
    "JPN": "Japan",
    "KNA": "Federation of Saint Kitts and Nevis",
    "KOR": "Republic of Korea",
    "LAO": "Lao People's Democratic Republic",
    "LBY": "State of Libya",
    "LCA": "Saint Lucia",
    "MMR": "Republic of the Union of Myanmar",
    "MNE": "Montenegro",
    "MNG": "Mongolia",
    "MYS": "Malaysia",
    "NZL": "New Zealand",
    "PSE": "State of Palestine",
    "ROU": "Romania",
    "RUS": "Russian Federation",
    "SLB": "Solomon Islands",
    "STP": "Democratic Republic of São Tomé and Príncipe",
    "SYR": "Syrian Arab Republic",
    "TKM": "Turkmenistan",
    "TUR": "Republic of Türkiye",
    "TUV": "Tuvalu",
    "TWN": "Republic of China",
    "UKR": "Ukraine",
    "VAT": "Holy See",
    "VCT": "Saint Vincent and the Grenadines",
    "XKX": "Republic of Kosovo",
}

# Other spellings of capitals (skos:altLabel on the Place).
CAPITAL_ALT = {
    "Astana": ["Nur-Sultan"],
    "Asunción": ["Asuncion"],
    "Bern": ["Berne"],
    "Bogotá": ["Bogota"],
    "Brasília": ["Brasilia"],
    "Chișinău": ["Chisinau"],
    "Hanoi": ["Ha Noi"],
    "Kyiv": ["Kiev"],
    "Lomé": ["Lome"],
    "N'Djamena": ["N’Djamena", "Ndjamena"],
    "Naypyidaw": ["Nay Pyi Taw", "Naypyitaw"],
    "New Delhi": ["Delhi"],
    "Nukuʻalofa": ["Nuku'alofa", "Nukualofa"],
    "Pretoria": ["Tshwane"],
    "Pristina": ["Prishtina", "Priština"],
    "Reykjavík": ["Reykjavik"],
    "San José": ["San Jose"],
    "Sanaa": ["Sana'a", "Sana’a"],
    "Sri Jayawardenepura Kotte": ["Kotte"],
    "São Tomé": ["Sao Tome"],
    "St. George's": ["St George's", "Saint George's"],
    "St. John's": ["St John's", "Saint John's"],
    "Tarawa": ["South Tarawa"],
    "Tehran": ["Teheran"],
    "Ulaanbaatar": ["Ulan Bator"],
    "Washington": ["Washington, D.C.", "Washington D.C.", "Washington, DC", "Washington DC"],
    "Yaoundé": ["Yaounde"],
}

# Capital coordinates (WGS84, decimal degrees), checked against GeoNames.
COORDS = {
    "N'Djamena": (12.1067, 15.0444),
    "St. George's": (12.0529, -61.7523),
    "St. John's": (17.1210, -61.8433),
    'Abu Dhabi': (24.4512, 54.3970),
    'Abuja': (9.0579, 7.4951),
    'Accra': (5.5560, -0.1969),
    'Addis Ababa': (9.0250, 38.7469),
    'Alofi': (-19.0544, -169.9187),
    'Algiers': (36.7323, 3.0875),
    'Amman': (31.9552, 35.9450),
    'Amsterdam': (52.3740, 4.8897),
    'Andorra la Vella': (42.5078, 1.5211),
    'Ankara': (39.9199, 32.8543),
    'Antananarivo': (-18.9137, 47.5361),
    'Apia': (-13.8333, -171.7667),
    'Ashgabat': (37.9500, 58.3833),
    'Asmara': (15.3381, 38.9318),
    'Astana': (51.1801, 71.4460),
    'Asunción': (-25.2865, -57.6470),
    'Athens': (37.9838, 23.7278),
    'Avarua': (-21.2075, -159.7750),
    'Baghdad': (33.3406, 44.4009),
    'Baku': (40.3777, 49.8920),
    'Bamako': (12.6091, -7.9752),
    'Bandar Seri Begawan': (4.8903, 114.9401),
    'Bangkok': (13.7540, 100.5014),
    'Bangui': (4.3612, 18.5550),
    'Banjul': (13.4527, -16.5780),
    'Basseterre': (17.2955, -62.7250),
    'Beijing': (39.9075, 116.3972),
    'Beirut': (33.8933, 35.5016),
    'Belgrade': (44.8040, 20.4651),
    'Belmopan': (17.2538, -88.7640),
    'Berlin': (52.5244, 13.4105),
    'Bern': (46.9481, 7.4474),
    'Bishkek': (42.8700, 74.5900),
    'Bissau': (11.8636, -15.5977),
    'Bogotá': (4.6097, -74.0817),
    'Brasília': (-15.7797, -47.9297),
    'Bratislava': (48.1482, 17.1067),
    'Brazzaville': (-4.2661, 15.2832),
    'Bridgetown': (13.1073, -59.6202),
    'Brussels': (50.8505, 4.3488),
    'Bucharest': (44.4323, 26.1063),
    'Budapest': (47.4984, 19.0404),
    'Buenos Aires': (-34.6131, -58.3772),
    'Cairo': (30.0626, 31.2497),
    'Canberra': (-35.2835, 149.1281),
    'Caracas': (10.4880, -66.8792),
    'Castries': (13.9957, -61.0061),
    'Chișinău': (47.0090, 28.8594),
    'Conakry': (9.5380, -13.6773),
    'Copenhagen': (55.6759, 12.5655),
    'Dakar': (14.6937, -17.4441),
    'Damascus': (33.5102, 36.2913),
    'Dhaka': (23.7104, 90.4074),
    'Dili': (-8.5586, 125.5736),
    'Djibouti': (11.5890, 43.1450),
    'Dodoma': (-6.1722, 35.7395),
    'Doha': (25.2855, 51.5310),
    'Dublin': (53.3331, -6.2489),
    'Dushanbe': (38.5358, 68.7790),
    'Freetown': (8.4871, -13.2356),
    'Funafuti': (-8.5243, 179.1942),
    'Gaborone': (-24.6545, 25.9086),
    'Georgetown': (6.8045, -58.1553),
    'Gitega': (-3.4271, 29.9246),
    'Guatemala City': (14.6407, -90.5133),
    'Hanoi': (21.0245, 105.8412),
    'Harare': (-17.8277, 31.0534),
    'Havana': (23.1330, -82.3830),
    'Helsinki': (60.1695, 24.9354),
    'Honiara': (-9.4333, 159.9500),
    'Islamabad': (33.7215, 73.0433),
    'Jakarta': (-6.2146, 106.8451),
    'Jerusalem': (31.7690, 35.2163),
    'Juba': (4.8517, 31.5825),
    'Kabul': (34.5281, 69.1723),
    'Kampala': (0.3163, 32.5822),
    'Kathmandu': (27.7017, 85.3206),
    'Khartoum': (15.5518, 32.5324),
    'Kigali': (-1.9500, 30.0588),
    'Kingston': (17.9970, -76.7936),
    'Kingstown': (13.1553, -61.2274),
    'Kinshasa': (-4.3276, 15.3136),
    'Kuala Lumpur': (3.1412, 101.6865),
    'Kuwait City': (29.3670, 47.9743),
    'Kyiv': (50.4547, 30.5238),
    'Libreville': (0.3924, 9.4536),
    'Lilongwe': (-13.9669, 33.7873),
    'Lima': (-12.0432, -77.0282),
    'Lisbon': (38.7251, -9.1498),
    'Ljubljana': (46.0511, 14.5051),
    'Lomé': (6.1287, 1.2215),
    'London': (51.5085, -0.1257),
    'Luanda': (-8.8368, 13.2343),
    'Lusaka': (-15.4067, 28.2871),
    'Luxembourg': (49.6098, 6.1327),
    'Madrid': (40.4165, -3.7026),
    'Majuro': (7.0897, 171.3803),
    'Malabo': (3.7558, 8.7817),
    'Malé': (4.1752, 73.5092),
    'Managua': (12.1328, -86.2504),
    'Manama': (26.2279, 50.5857),
    'Manila': (14.6042, 120.9822),
    'Maputo': (-25.9655, 32.5832),
    'Maseru': (-29.3167, 27.4833),
    'Mbabane': (-26.3167, 31.1333),
    'Mexico City': (19.4285, -99.1277),
    'Minsk': (53.9002, 27.5665),
    'Mogadishu': (2.0371, 45.3438),
    'Monaco': (43.7372, 7.4215),
    'Monrovia': (6.3005, -10.7969),
    'Montevideo': (-34.9033, -56.1882),
    'Moroni': (-11.7022, 43.2551),
    'Moscow': (55.7520, 37.6178),
    'Muscat': (23.5841, 58.4078),
    'Nairobi': (-1.2833, 36.8167),
    'Nassau': (25.0582, -77.3431),
    'Naypyidaw': (19.7450, 96.1297),
    'New Delhi': (28.6139, 77.2090),
    'Ngerulmud': (7.5008, 134.6238),
    'Niamey': (13.5137, 2.1098),
    'Nicosia': (35.1728, 33.3540),
    'Nouakchott': (18.0858, -15.9785),
    'Nukuʻalofa': (-21.1368, -175.2011),
    'Oslo': (59.9127, 10.7461),
    'Ottawa': (45.4112, -75.6981),
    'Ouagadougou': (12.3657, -1.5339),
    'Palikir': (6.9248, 158.1611),
    'Panama City': (8.9936, -79.5197),
    'Paramaribo': (5.8664, -55.1668),
    'Paris': (48.8534, 2.3488),
    'Phnom Penh': (11.5625, 104.9160),
    'Podgorica': (42.4412, 19.2631),
    'Port Louis': (-20.1619, 57.4989),
    'Port Moresby': (-9.4772, 147.1509),
    'Port of Spain': (10.6667, -61.5189),
    'Port Vila': (-17.7365, 168.3137),
    'Port-au-Prince': (18.5435, -72.3388),
    'Porto-Novo': (6.4965, 2.6036),
    'Prague': (50.0880, 14.4208),
    'Praia': (14.9315, -23.5125),
    'Pretoria': (-25.7449, 28.1878),
    'Pristina': (42.6727, 21.1669),
    'Pyongyang': (39.0339, 125.7543),
    'Quito': (-0.2298, -78.5250),
    'Rabat': (34.0132, -6.8326),
    'Ramallah': (31.8996, 35.2042),
    'Reykjavík': (64.1355, -21.8954),
    'Riga': (56.9460, 24.1059),
    'Riyadh': (24.6877, 46.7219),
    'Rome': (41.8919, 12.5113),
    'Roseau': (15.3017, -61.3881),
    'San José': (9.9339, -84.0849),
    'San Marino': (43.9367, 12.4464),
    'San Salvador': (13.6893, -89.1872),
    'Sanaa': (15.3545, 44.2065),
    'Santiago': (-33.4569, -70.6483),
    'Santo Domingo': (18.4719, -69.8923),
    'Sarajevo': (43.8486, 18.3564),
    'Seoul': (37.5660, 126.9784),
    'Singapore': (1.2897, 103.8501),
    'Skopje': (41.9965, 21.4314),
    'Sofia': (42.6975, 23.3241),
    'Sri Jayawardenepura Kotte': (6.8830, 79.9071),
    'Stockholm': (59.3294, 18.0687),
    'Sucre': (-19.0333, -65.2627),
    'Suva': (-18.1368, 178.4253),
    'São Tomé': (0.3376, 6.7299),
    'Taipei': (25.0531, 121.5264),
    'Tallinn': (59.4370, 24.7535),
    'Tarawa': (1.3278, 172.9770),
    'Tashkent': (41.2647, 69.2163),
    'Tbilisi': (41.6914, 44.8341),
    'Tegucigalpa': (14.0818, -87.2068),
    'Tehran': (35.6944, 51.4215),
    'Thimphu': (27.4661, 89.6419),
    'Tirana': (41.3274, 19.8187),
    'Tokyo': (35.6895, 139.6917),
    'Tripoli': (32.8874, 13.1873),
    'Tunis': (36.8190, 10.1658),
    'Ulaanbaatar': (47.9077, 106.8832),
    'Vaduz': (47.1415, 9.5215),
    'Valletta': (35.8997, 14.5148),
    'Vatican City': (41.9027, 12.4541),
    'Victoria': (-4.6200, 55.4550),
    'Vienna': (48.2085, 16.3721),
    'Vientiane': (17.9667, 102.6000),
    'Vilnius': (54.6892, 25.2798),
    'Warsaw': (52.2298, 21.0118),
    'Washington': (38.8951, -77.0364),
    'Wellington': (-41.2866, 174.7756),
    'Windhoek': (-22.5594, 17.0832),
    'Yamoussoukro': (6.8205, -5.2767),
    'Yaoundé': (3.8667, 11.5167),
    'Yaren': (-0.5508, 166.9252),
    'Yerevan': (40.1776, 44.5126),
    'Zagreb': (45.8144, 15.9780),
}

# Metonyms for a government: seats of power, and capitals' rivals where the seat is elsewhere.
SEATS = {
    "BEN": ["Cotonou"],
    "BOL": ["La Paz"],
    "CHN": ["Zhongnanhai"],
    "CIV": ["Abidjan"],
    "DEU": ["the Chancellery", "the Bundestag"],
    "FRA": ["the Elysee", "the Élysée", "the Elysee Palace", "the Élysée Palace", "the Quai d'Orsay", "Matignon"],
    "GBR": ["Downing Street", "Number 10", "No 10", "No. 10", "Whitehall", "Westminster"],
    "IND": ["Raisina Hill", "South Block"],
    "ISR": ["the Knesset"],
    "JPN": ["the Kantei"],
    "KOR": ["the Blue House", "Cheong Wa Dae", "the Yongsan presidential office"],
    "LKA": ["Colombo"],
    "MYS": ["Putrajaya"],
    "NLD": ["The Hague"],
    "RUS": ["the Kremlin"],
    "SDN": ["Port Sudan"],
    "USA": ["the White House", "the Oval Office", "Capitol Hill", "Foggy Bottom"],
    "YEM": ["Aden"],
    "ZAF": ["the Union Buildings"],
}

# Government organs that stand for the state without a demonym.
AGENCIES = {
    "CHN": ["the PLA", "People's Liberation Army", "the Chinese Communist Party", "the CCP",
            "the Communist Party of China", "the CPC", "Xinhua", "People's Daily", "CGTN"],
    "DEU": ["the Bundeswehr", "the BND"],
    "FRA": ["the DGSE"],
    "GBR": ["the Foreign Office", "the FCDO", "Foreign, Commonwealth and Development Office", "MI6", "MI5",
            "GCHQ", "the Royal Navy", "the Royal Air Force", "the RAF"],
    "IND": ["Ministry of External Affairs"],
    "IRN": ["the IRGC", "Islamic Revolutionary Guard Corps", "the Revolutionary Guards", "the Revolutionary Guard",
            "the Quds Force", "the Basij", "IRNA"],
    "ISR": ["Mossad", "the Mossad", "the IDF", "Israel Defense Forces", "Israel Defence Forces", "Shin Bet",
            "the Shin Bet"],
    "JPN": ["the Self-Defense Forces"],
    "KOR": ["the National Intelligence Service"],
    "PAK": ["the ISI", "Inter-Services Intelligence", "ISPR"],
    "PRK": ["KCNA", "Korean Central News Agency", "the Korean People's Army", "the KPA", "Rodong Sinmun",
            "the Workers' Party of Korea", "the WPK"],
    "PSE": ["the Palestinian Authority"],
    "RUS": ["the FSB", "the SVR", "the GRU", "the State Duma", "the Duma", "TASS", "RIA Novosti"],
    "UKR": ["the SBU", "the Verkhovna Rada", "the Rada"],
    "USA": ["the Pentagon", "the State Department", "the Department of State", "the Defense Department",
            "the Department of Defense", "the War Department", "the Department of War", "the CIA",
            "Central Intelligence Agency", "the FBI", "the Treasury Department", "the Department of the Treasury",
            "the Commerce Department", "USAID", "CENTCOM", "INDOPACOM"],
}

# ---------------------------------------------------------------------------------------------
# Organizations and groups of relations.md.
# ---------------------------------------------------------------------------------------------
ORGS = {
    "UN": dict(refer=["organization", "organisation", "body"], forum=True, kind="Organization", label="United Nations", qid="Q1065", official="United Nations",
               alt=["UN", "U.N.", "the UN", "the U.N.", "the United Nations", "United Nations General Assembly",
                    "UN General Assembly", "U.N. General Assembly", "the General Assembly", "UNGA"]),
    "UNSC": dict(refer=["council", "body"], forum=True, kind="Organization", label="UN Security Council", qid="Q37470",
                 official="United Nations Security Council",
                 alt=["U.N. Security Council", "Security Council", "the Security Council", "UNSC",
                      "the UN Security Council", "the U.N. Security Council"]),
    "NATO": dict(kind="Organization", label="NATO", qid="Q7184", refer=["alliance"], official="North Atlantic Treaty Organization",
                 alt=["North Atlantic Treaty Organisation", "the North Atlantic Alliance", "the Atlantic Alliance",
                      "the Atlantic alliance"]),
    "EU": dict(kind="Organization", label="European Union", qid="Q458", refer=["bloc", "union"], official="European Union",
               alt=["EU", "E.U.", "the EU", "the E.U.", "the European Union"],
               seat=["Brussels"], adjective="european",
               agency=["the European Commission", "the EU Commission", "the European Council",
                       "the Council of the European Union", "the Council of the EU"]),
    "AU": dict(kind="Organization", label="African Union", qid="Q7159", refer=["bloc", "union", "body"], official="African Union",
               alt=["AU", "the African Union", "the AU", "African Union Commission"]),
    "ASEAN": dict(kind="Organization", label="ASEAN", qid="Q7768", refer=["bloc", "association"], official="Association of Southeast Asian Nations",
                  alt=["Association of South East Asian Nations", "Association of South-East Asian Nations"]),
    "G7": dict(kind="Organization", label="G7", qid="Q1764511", official="Group of Seven",
               alt=["G-7", "the G7", "the G-7", "the Group of Seven"]),
    "G20": dict(kind="Organization", label="G20", qid="Q19771", official="Group of Twenty",
                alt=["G-20", "the G20", "the G-20", "Group of 20", "the Group of 20", "the Group of Twenty"]),
    "BRICS": dict(kind="Organization", label="BRICS", qid="Q243630", refer=["bloc", "group"], official="BRICS",
                  alt=["the BRICS", "BRICS bloc", "the BRICS bloc"]),
    "OPEC": dict(kind="Organization", label="OPEC", qid="Q7795", refer=["cartel", "organization", "organisation", "group"],
                 official="Organization of the Petroleum Exporting Countries",
                 alt=["Organisation of the Petroleum Exporting Countries"]),
    "IAEA": dict(kind="Organization", label="IAEA", qid="Q41984", refer=["agency", "watchdog", "board"], official="International Atomic Energy Agency",
                 alt=["the IAEA", "UN nuclear watchdog", "the UN nuclear watchdog", "U.N. nuclear watchdog",
                      "the U.N. nuclear watchdog", "the UN atomic agency", "the U.N. atomic agency"]),
    "WEST": dict(kind="Group", label="the West", adjective="western",
                 alt=["Western allies", "Western countries", "Western nations", "Western powers",
                      "a Western coalition", "Western governments", "Western partners", "the Western allies"]),
    "INTL": dict(kind="Group", label="the international community", adjective="international", alt=["international community"]),
}

# Combining forms: the first element of a hyphenated pair adjective ("Sino-Russian", "Franco-German").
COMBINING = {"CHN": "Sino", "FRA": "Franco", "RUS": "Russo", "GBR": "Anglo", "IND": "Indo", "TUR": "Turco",
             "IRN": "Irano", "ITA": "Italo", "DEU": "Germano", "AUT": "Austro", "GRC": "Greco"}

# Memberships (ISO alpha-3 or organization ids). UN membership covers every UN member state.
MEMBERS = {
    "UNSC": "CHN FRA RUS GBR USA",
    "NATO": "ALB BEL BGR CAN HRV CZE DNK EST FIN FRA DEU GRC HUN ISL ITA LVA LTU LUX MNE NLD MKD NOR POL PRT ROU "
            "SVK SVN ESP SWE TUR GBR USA",
    "EU": "AUT BEL BGR HRV CYP CZE DNK EST FIN FRA DEU GRC HUN IRL ITA LVA LTU LUX MLT NLD POL PRT ROU SVK SVN ESP SWE",
    "G7": "CAN FRA DEU ITA JPN GBR USA",
    "G20": "ARG AUS BRA CAN CHN FRA DEU IND IDN ITA JPN KOR MEX RUS SAU ZAF TUR GBR USA EU AU",
    "BRICS": "BRA RUS IND CHN ZAF EGY ETH IRN ARE IDN",
    "ASEAN": "BRN KHM IDN LAO MYS MMR PHL SGP THA VNM TLS",
    "OPEC": "DZA COG GNQ GAB IRN IRQ KWT LBY NGA SAU ARE VEN",
    # the African Union's member states (the Sahrawi Republic, also a member, is not in this gazetteer)
    "AU": "DZA AGO BEN BWA BFA BDI CPV CMR CAF TCD COM COG COD CIV DJI EGY GNQ ERI SWZ ETH GAB GMB GHA GIN GNB KEN "
          "LSO LBR LBY MDG MWI MLI MRT MUS MAR MOZ NAM NER NGA RWA STP SEN SYC SLE SOM ZAF SSD SDN TZA TGO TUN UGA "
          "ZMB ZWE",
}

# ---------------------------------------------------------------------------------------------
# People: L = head of state or government (kg:leaderOf), O = minister or other official
# (kg:officialOf). kind | name | actor | role | term start | term end | in office (1/0) as of late
# 2026 | other names (;) | bare names news uses alone (;). Terms are of the role given (the latest
# spell where there were several); an empty end means still in office.
# ---------------------------------------------------------------------------------------------
PEOPLE = """
L|Donald Trump|USA|President|2025||1|Donald J. Trump;President Trump|Trump
L|Joe Biden|USA|President|2021|2025|0|Joseph Biden;Joseph R. Biden;President Biden|Biden
L|Barack Obama|USA|President|2009|2017|0|President Obama|Obama
O|JD Vance|USA|Vice President|2025||1|J.D. Vance;James David Vance|Vance
O|Kamala Harris|USA|Vice President|2021|2025|0||
O|Marco Rubio|USA|Secretary of State|2025||1||Rubio
O|Antony Blinken|USA|Secretary of State|2021|2025|0|Tony Blinken|Blinken
O|Mike Pompeo|USA|Secretary of State|2018|2021|0||Pompeo
O|Rex Tillerson|USA|Secretary of State|2017|2018|0||Tillerson
O|John Kerry|USA|Secretary of State|2013|2017|0||
O|Pete Hegseth|USA|Secretary of Defense|2025||1||Hegseth
O|Lloyd Austin|USA|Secretary of Defense|2021|2025|0||
L|Vladimir Putin|RUS|President|2012||1|Vladimir Vladimirovich Putin;President Putin|Putin
L|Mikhail Mishustin|RUS|Prime Minister|2020||1||Mishustin
L|Dmitry Medvedev|RUS|Prime Minister|2012|2020|0|Dmitri Medvedev|Medvedev
O|Sergei Lavrov|RUS|Foreign Minister|2004||1|Sergey Lavrov|Lavrov
O|Dmitry Peskov|RUS|Kremlin spokesman|2012||1|Dmitri Peskov|Peskov
O|Maria Zakharova|RUS|Foreign Ministry spokeswoman|2015||1||Zakharova
O|Sergei Shoigu|RUS|Secretary of the Security Council|2024||1|Sergey Shoigu|Shoigu
O|Andrei Belousov|RUS|Defence Minister|2024||1|Andrey Belousov|Belousov
L|Xi Jinping|CHN|President|2013||1|President Xi|Xi
L|Li Qiang|CHN|Premier|2023||1||
L|Li Keqiang|CHN|Premier|2013|2023|0||
O|Wang Yi|CHN|Foreign Minister|2023||1||
O|Qin Gang|CHN|Foreign Minister|2022|2023|0||
L|Andy Burnham|GBR|Prime Minister|2026||1||Burnham
L|Keir Starmer|GBR|Prime Minister|2024|2026|0|Sir Keir Starmer|Starmer
L|Rishi Sunak|GBR|Prime Minister|2022|2024|0||Sunak
L|Liz Truss|GBR|Prime Minister|2022|2022|0||Truss
L|Boris Johnson|GBR|Prime Minister|2019|2022|0||
L|Theresa May|GBR|Prime Minister|2016|2019|0||
L|David Cameron|GBR|Prime Minister|2010|2016|0||Cameron
L|Charles III|GBR|King|2022||1|King Charles III;King Charles|
L|Elizabeth II|GBR|Queen|1952|2022|0|Queen Elizabeth II;Queen Elizabeth|
O|Yvette Cooper|GBR|Foreign Secretary|2025||1||
O|David Lammy|GBR|Foreign Secretary|2024|2025|0||Lammy
O|James Cleverly|GBR|Foreign Secretary|2022|2023|0||
L|Emmanuel Macron|FRA|President|2017||1|President Macron|Macron
L|François Hollande|FRA|President|2012|2017|0||Hollande
L|Sébastien Lecornu|FRA|Prime Minister|2025||1||Lecornu
L|François Bayrou|FRA|Prime Minister|2024|2025|0||Bayrou
L|Michel Barnier|FRA|Prime Minister|2024|2024|0||Barnier
L|Gabriel Attal|FRA|Prime Minister|2024|2024|0||Attal
L|Élisabeth Borne|FRA|Prime Minister|2022|2024|0||
L|Jean Castex|FRA|Prime Minister|2020|2022|0||Castex
L|Édouard Philippe|FRA|Prime Minister|2017|2020|0||
O|Jean-Noël Barrot|FRA|Foreign Minister|2024||1||Barrot
O|Stéphane Séjourné|FRA|Foreign Minister|2024|2024|0||
O|Catherine Colonna|FRA|Foreign Minister|2022|2024|0||
O|Jean-Yves Le Drian|FRA|Foreign Minister|2017|2022|0||Le Drian
L|Friedrich Merz|DEU|Chancellor|2025||1|Chancellor Merz|Merz
L|Olaf Scholz|DEU|Chancellor|2021|2025|0|Chancellor Scholz|Scholz
L|Angela Merkel|DEU|Chancellor|2005|2021|0|Chancellor Merkel|Merkel
L|Frank-Walter Steinmeier|DEU|President|2017||1||Steinmeier
O|Johann Wadephul|DEU|Foreign Minister|2025||1||Wadephul
O|Annalena Baerbock|DEU|Foreign Minister|2021|2025|0||Baerbock
O|Heiko Maas|DEU|Foreign Minister|2018|2021|0||
O|Boris Pistorius|DEU|Defence Minister|2023||1||Pistorius
L|Sanae Takaichi|JPN|Prime Minister|2025||1||Takaichi
L|Shigeru Ishiba|JPN|Prime Minister|2024|2025|0||Ishiba
L|Fumio Kishida|JPN|Prime Minister|2021|2024|0||Kishida
L|Yoshihide Suga|JPN|Prime Minister|2020|2021|0||Suga
L|Shinzo Abe|JPN|Prime Minister|2012|2020|0|Shinzō Abe|Abe
L|Naruhito|JPN|Emperor|2019||1|Emperor Naruhito|
O|Toshimitsu Motegi|JPN|Foreign Minister|2025||1||Motegi
O|Takeshi Iwaya|JPN|Foreign Minister|2024|2025|0||Iwaya
O|Yoko Kamikawa|JPN|Foreign Minister|2023|2024|0||Kamikawa
O|Yoshimasa Hayashi|JPN|Foreign Minister|2021|2023|0||
L|Narendra Modi|IND|Prime Minister|2014||1||Modi
L|Droupadi Murmu|IND|President|2022||1||Murmu
L|Ram Nath Kovind|IND|President|2017|2022|0||Kovind
O|Subrahmanyam Jaishankar|IND|External Affairs Minister|2019||1|S. Jaishankar;S Jaishankar|Jaishankar
O|Sushma Swaraj|IND|External Affairs Minister|2014|2019|0||
L|Luiz Inácio Lula da Silva|BRA|President|2023||1|Lula da Silva;President Lula|Lula
L|Jair Bolsonaro|BRA|President|2019|2023|0||Bolsonaro
L|Michel Temer|BRA|President|2016|2019|0||Temer
L|Dilma Rousseff|BRA|President|2011|2016|0||Rousseff
O|Mauro Vieira|BRA|Foreign Minister|2023||1||
L|Mark Carney|CAN|Prime Minister|2025||1||Carney
L|Justin Trudeau|CAN|Prime Minister|2015|2025|0||Trudeau
L|Stephen Harper|CAN|Prime Minister|2006|2015|0||
O|Anita Anand|CAN|Foreign Minister|2025||1||
O|Mélanie Joly|CAN|Foreign Minister|2021|2025|0||
L|Anthony Albanese|AUS|Prime Minister|2022||1||Albanese
L|Scott Morrison|AUS|Prime Minister|2018|2022|0||Morrison
L|Malcolm Turnbull|AUS|Prime Minister|2015|2018|0||Turnbull
L|Tony Abbott|AUS|Prime Minister|2013|2015|0||
O|Penny Wong|AUS|Foreign Minister|2022||1||
L|Giorgia Meloni|ITA|Prime Minister|2022||1||Meloni
L|Mario Draghi|ITA|Prime Minister|2021|2022|0||Draghi
L|Giuseppe Conte|ITA|Prime Minister|2018|2021|0||
L|Paolo Gentiloni|ITA|Prime Minister|2016|2018|0||Gentiloni
L|Matteo Renzi|ITA|Prime Minister|2014|2016|0||Renzi
L|Sergio Mattarella|ITA|President|2015||1||Mattarella
O|Antonio Tajani|ITA|Foreign Minister|2022||1||Tajani
L|Pedro Sánchez|ESP|Prime Minister|2018||1||
L|Mariano Rajoy|ESP|Prime Minister|2011|2018|0||Rajoy
L|Felipe VI|ESP|King|2014||1|King Felipe VI;King Felipe|
O|José Manuel Albares|ESP|Foreign Minister|2021||1||Albares
L|Lee Jae-myung|KOR|President|2025||1|Lee Jae Myung;President Lee Jae-myung|
L|Yoon Suk Yeol|KOR|President|2022|2025|0|Yoon Suk-yeol|Yoon
L|Moon Jae-in|KOR|President|2017|2022|0|Moon Jae In|
L|Park Geun-hye|KOR|President|2013|2017|0|Park Geun Hye|
L|Kim Min-seok|KOR|Prime Minister|2025||1|Kim Min Seok|
L|Han Duck-soo|KOR|Prime Minister|2022|2025|0|Han Duck Soo|
O|Cho Hyun|KOR|Foreign Minister|2025||1||
O|Cho Tae-yul|KOR|Foreign Minister|2024|2025|0|Cho Tae Yul|
O|Park Jin|KOR|Foreign Minister|2022|2024|0||
O|Chung Eui-yong|KOR|Foreign Minister|2021|2022|0|Chung Eui Yong|
O|Kang Kyung-wha|KOR|Foreign Minister|2017|2021|0|Kang Kyung Wha|
L|Kim Jong Un|PRK|Supreme Leader|2011||1|Kim Jong-un;Kim Jong-Un;Kim Jong Eun|Kim
L|Pak Thae Song|PRK|Premier|2023||1|Pak Thae-song|
L|Kim Tok Hun|PRK|Premier|2020|2023|0|Kim Tok-hun|
L|Kim Jae Ryong|PRK|Premier|2019|2020|0|Kim Jae-ryong|
L|Pak Pong Ju|PRK|Premier|2013|2019|0|Pak Pong-ju|
O|Kim Yo Jong|PRK|Senior official of the Workers' Party of Korea|||1|Kim Yo-jong|
O|Choe Son Hui|PRK|Foreign Minister|2022||1|Choe Son-hui|
O|Ri Son Gwon|PRK|Foreign Minister|2020|2022|0|Ri Son-gwon|
O|Ri Yong Ho|PRK|Foreign Minister|2016|2020|0|Ri Yong-ho|
L|Volodymyr Zelensky|UKR|President|2019||1|Volodymyr Zelenskyy;Volodymyr Zelenskiy;President Zelensky|Zelensky;Zelenskyy;Zelenskiy
L|Petro Poroshenko|UKR|President|2014|2019|0||Poroshenko
L|Yulia Svyrydenko|UKR|Prime Minister|2025||1|Yuliia Svyrydenko|Svyrydenko
L|Denys Shmyhal|UKR|Prime Minister|2020|2025|0||Shmyhal
L|Volodymyr Groysman|UKR|Prime Minister|2016|2019|0||Groysman
L|Arseniy Yatsenyuk|UKR|Prime Minister|2014|2016|0||Yatsenyuk
O|Andrii Sybiha|UKR|Foreign Minister|2024||1|Andriy Sybiha|Sybiha
O|Dmytro Kuleba|UKR|Foreign Minister|2020|2024|0||Kuleba
O|Pavlo Klimkin|UKR|Foreign Minister|2014|2019|0||
O|Mykhailo Fedorov|UKR|Defence Minister|2026||1|Mykhaylo Fedorov|
O|Kyrylo Budanov|UKR|Head of the Presidential Office|2026||1||Budanov
O|Andriy Yermak|UKR|Head of the Presidential Office|2020|2025|0|Andrii Yermak|Yermak
L|Benjamin Netanyahu|ISR|Prime Minister|2022||1|Bibi Netanyahu;Bibi|Netanyahu
L|Naftali Bennett|ISR|Prime Minister|2021|2022|0||Bennett
L|Yair Lapid|ISR|Prime Minister|2022|2022|0||Lapid
L|Isaac Herzog|ISR|President|2021||1|Yitzhak Herzog|Herzog
L|Reuven Rivlin|ISR|President|2014|2021|0||Rivlin
O|Gideon Sa'ar|ISR|Foreign Minister|2024||1|Gideon Saar|
O|Israel Katz|ISR|Defense Minister|2024||1||
O|Yoav Gallant|ISR|Defense Minister|2022|2024|0||Gallant
L|Mojtaba Khamenei|IRN|Supreme Leader|2026||1|Ayatollah Mojtaba Khamenei;Seyed Mojtaba Hosseini Khamenei|
L|Ali Khamenei|IRN|Supreme Leader|1989|2026|0|Ayatollah Ali Khamenei;Ayatollah Khamenei|Khamenei
L|Masoud Pezeshkian|IRN|President|2024||1||Pezeshkian
L|Ebrahim Raisi|IRN|President|2021|2024|0||Raisi
L|Hassan Rouhani|IRN|President|2013|2021|0||Rouhani
O|Abbas Araghchi|IRN|Foreign Minister|2024||1||Araghchi
O|Hossein Amir-Abdollahian|IRN|Foreign Minister|2021|2024|0||Amir-Abdollahian
O|Mohammad Javad Zarif|IRN|Foreign Minister|2013|2021|0|Javad Zarif|Zarif
L|Ahmed al-Sharaa|SYR|President|2025||1|Ahmad al-Sharaa;Abu Mohammed al-Jolani;Abu Mohammad al-Jolani;Abu Mohammad al-Julani|al-Sharaa;Sharaa
L|Bashar al-Assad|SYR|President|2000|2024|0|Bashar Assad;Bashar al-Asad|Assad;al-Assad
O|Asaad al-Shaibani|SYR|Foreign Minister|2024||1|Asaad Hassan al-Shaibani;Assad al-Shaibani|al-Shaibani;Shaibani
O|Faisal Mekdad|SYR|Foreign Minister|2020|2024|0|Faisal al-Mekdad|
L|Recep Tayyip Erdoğan|TUR|President|2014||1|Recep Tayyip Erdogan;Tayyip Erdoğan;Tayyip Erdogan;President Erdogan|Erdoğan;Erdogan
L|Binali Yıldırım|TUR|Prime Minister|2016|2018|0|Binali Yildirim|
L|Ahmet Davutoğlu|TUR|Prime Minister|2014|2016|0|Ahmet Davutoglu|Davutoglu
O|Hakan Fidan|TUR|Foreign Minister|2023||1||Fidan
O|Mevlüt Çavuşoğlu|TUR|Foreign Minister|2015|2023|0|Mevlut Cavusoglu|Cavusoglu;Çavuşoğlu
L|Salman bin Abdulaziz Al Saud|SAU|King|2015||1|King Salman;Salman bin Abdulaziz|
L|Mohammed bin Salman|SAU|Crown Prince and Prime Minister|2022||1|MBS;Mohammed bin Salman Al Saud;Mohammad bin Salman;Crown Prince Mohammed bin Salman|
O|Faisal bin Farhan Al Saud|SAU|Foreign Minister|2019||1|Faisal bin Farhan;Prince Faisal bin Farhan|
O|Adel al-Jubeir|SAU|Foreign Minister|2015|2018|0|Adel Al-Jubeir|
L|Mohamed bin Zayed Al Nahyan|ARE|President|2022||1|Mohamed bin Zayed;Mohammed bin Zayed;MBZ;Sheikh Mohamed bin Zayed|
L|Khalifa bin Zayed Al Nahyan|ARE|President|2004|2022|0|Khalifa bin Zayed;Sheikh Khalifa bin Zayed|
L|Mohammed bin Rashid Al Maktoum|ARE|Prime Minister|2006||1|Mohammed bin Rashid;Sheikh Mohammed bin Rashid|
O|Abdullah bin Zayed Al Nahyan|ARE|Foreign Minister|2006||1|Abdullah bin Zayed;Sheikh Abdullah bin Zayed|
L|Tamim bin Hamad Al Thani|QAT|Emir|2013||1|Sheikh Tamim bin Hamad Al Thani;Tamim bin Hamad;Sheikh Tamim|
L|Mohammed bin Abdulrahman Al Thani|QAT|Prime Minister and Foreign Minister|2023||1|Sheikh Mohammed bin Abdulrahman Al Thani;Mohammed bin Abdulrahman;Mohammed bin Abdulrahman bin Jassim Al Thani|
L|Abdel Fattah el-Sisi|EGY|President|2014||1|Abdel Fattah al-Sisi;Abdel-Fattah el-Sissi;Abdel Fattah el-Sissi;Abdel Fattah al-Sissi|Sisi;el-Sisi;al-Sisi;Sissi
L|Mostafa Madbouly|EGY|Prime Minister|2018||1|Moustafa Madbouly|Madbouly
O|Badr Abdelatty|EGY|Foreign Minister|2024||1|Badr Abdel Aty|Abdelatty
O|Sameh Shoukry|EGY|Foreign Minister|2014|2024|0||Shoukry
L|Shehbaz Sharif|PAK|Prime Minister|2024||1|Shahbaz Sharif|
L|Imran Khan|PAK|Prime Minister|2018|2022|0||
L|Shahid Khaqan Abbasi|PAK|Prime Minister|2017|2018|0||
L|Nawaz Sharif|PAK|Prime Minister|2013|2017|0||
L|Asif Ali Zardari|PAK|President|2024||1||Zardari
L|Arif Alvi|PAK|President|2018|2024|0||
O|Ishaq Dar|PAK|Foreign Minister|2024||1||
O|Bilawal Bhutto Zardari|PAK|Foreign Minister|2022|2023|0||
O|Asim Munir|PAK|Chief of Army Staff|2022||1|Field Marshal Asim Munir;General Asim Munir|
L|Ferdinand Marcos Jr.|PHL|President|2022||1|Ferdinand Marcos Jr;Ferdinand R. Marcos Jr.;Bongbong Marcos;Marcos Jr.|Marcos
L|Rodrigo Duterte|PHL|President|2016|2022|0||Duterte
L|Benigno Aquino III|PHL|President|2010|2016|0|Noynoy Aquino|
O|Ma. Theresa Lazaro|PHL|Foreign Secretary|2025||1|Theresa Lazaro|
O|Enrique Manalo|PHL|Foreign Secretary|2022|2025|0||
L|Tô Lâm|VNM|General Secretary of the Communist Party|2024||1|To Lam|
L|Lương Cường|VNM|President|2024||1|Luong Cuong|
L|Phạm Minh Chính|VNM|Prime Minister|2021||1|Pham Minh Chinh|
L|Nguyễn Phú Trọng|VNM|General Secretary of the Communist Party|2011|2024|0|Nguyen Phu Trong|
L|Võ Văn Thưởng|VNM|President|2023|2024|0|Vo Van Thuong|
L|Nguyễn Xuân Phúc|VNM|President|2021|2023|0|Nguyen Xuan Phuc|
L|Prabowo Subianto|IDN|President|2024||1||Prabowo
L|Joko Widodo|IDN|President|2014|2024|0|Jokowi|Widodo
O|Sugiono|IDN|Foreign Minister|2024||1||
O|Retno Marsudi|IDN|Foreign Minister|2014|2024|0||
L|Karol Nawrocki|POL|President|2025||1||Nawrocki
L|Andrzej Duda|POL|President|2015|2025|0||Duda
L|Donald Tusk|POL|Prime Minister|2023||1||Tusk
L|Mateusz Morawiecki|POL|Prime Minister|2017|2023|0||Morawiecki
L|Beata Szydło|POL|Prime Minister|2015|2017|0|Beata Szydlo|
O|Radosław Sikorski|POL|Foreign Minister|2023||1|Radoslaw Sikorski;Radek Sikorski|Sikorski
L|Péter Magyar|HUN|Prime Minister|2026||1|Peter Magyar|
L|Viktor Orbán|HUN|Prime Minister|2010|2026|0|Viktor Orban|Orbán;Orban
L|Tamás Sulyok|HUN|President|2024||1|Tamas Sulyok|
L|Katalin Novák|HUN|President|2022|2024|0|Katalin Novak|
O|Péter Szijjártó|HUN|Foreign Minister|2014|2026|0|Peter Szijjarto|Szijjártó;Szijjarto
L|Alexander Lukashenko|BLR|President|1994||1|Aleksandr Lukashenko;Alyaksandr Lukashenka;Alexander Lukashenka|Lukashenko;Lukashenka
L|Delcy Rodríguez|VEN|Acting President|2026||1|Delcy Rodriguez|
L|Nicolás Maduro|VEN|President|2013|2026|0|Nicolas Maduro|Maduro
O|Yván Gil|VEN|Foreign Minister|2023||1|Yvan Gil|
L|Gustavo Petro|COL|President|2022|2026|0||Petro
L|Iván Duque|COL|President|2018|2022|0|Ivan Duque|Duque
L|Juan Manuel Santos|COL|President|2010|2018|0||
L|Javier Milei|ARG|President|2023||1||Milei
L|Alberto Fernández|ARG|President|2019|2023|0|Alberto Fernandez|
L|Mauricio Macri|ARG|President|2015|2019|0||Macri
L|Cristina Fernández de Kirchner|ARG|President|2007|2015|0|Cristina Kirchner;Cristina Fernandez de Kirchner|Kirchner
L|Claudia Sheinbaum|MEX|President|2024||1||Sheinbaum
L|Andrés Manuel López Obrador|MEX|President|2018|2024|0|Andres Manuel Lopez Obrador;AMLO|López Obrador;Lopez Obrador
L|Enrique Peña Nieto|MEX|President|2012|2018|0|Enrique Pena Nieto|Peña Nieto;Pena Nieto
L|Abiy Ahmed|ETH|Prime Minister|2018||1|Abiy Ahmed Ali|Abiy
L|Hailemariam Desalegn|ETH|Prime Minister|2012|2018|0||
L|Taye Atske Selassie|ETH|President|2024||1||
L|Sahle-Work Zewde|ETH|President|2018|2024|0||
L|Isaias Afwerki|ERI|President|1993||1||Isaias;Afwerki
L|Paul Kagame|RWA|President|2000||1||Kagame
L|Félix Tshisekedi|COD|President|2019||1|Felix Tshisekedi|Tshisekedi
L|Joseph Kabila|COD|President|2001|2019|0||Kabila
L|Judith Suminwa|COD|Prime Minister|2024||1||
L|Cyril Ramaphosa|ZAF|President|2018||1||Ramaphosa
L|Jacob Zuma|ZAF|President|2009|2018|0||Zuma
O|Ronald Lamola|ZAF|Minister of International Relations|2024||1||
O|Naledi Pandor|ZAF|Minister of International Relations|2019|2024|0||
L|Bola Tinubu|NGA|President|2023||1|Bola Ahmed Tinubu|Tinubu
L|Muhammadu Buhari|NGA|President|2015|2023|0||Buhari
L|Goodluck Jonathan|NGA|President|2010|2015|0||
L|Abdelmadjid Tebboune|DZA|President|2019||1||Tebboune
L|Abdelaziz Bouteflika|DZA|President|1999|2019|0||Bouteflika
L|Mohammed VI|MAR|King|1999||1|King Mohammed VI|
L|Aziz Akhannouch|MAR|Prime Minister|2021||1||Akhannouch
O|Nasser Bourita|MAR|Foreign Minister|2017||1||Bourita
L|Ilham Aliyev|AZE|President|2003||1||Aliyev
O|Jeyhun Bayramov|AZE|Foreign Minister|2020||1||
L|Nikol Pashinyan|ARM|Prime Minister|2018||1||Pashinyan
L|Vahagn Khachaturyan|ARM|President|2022||1||
L|Serzh Sargsyan|ARM|President|2008|2018|0|Serzh Sargsian|
O|Ararat Mirzoyan|ARM|Foreign Minister|2021||1||
L|Irakli Kobakhidze|GEO|Prime Minister|2024||1||Kobakhidze
L|Irakli Garibashvili|GEO|Prime Minister|2021|2024|0||Garibashvili
L|Mikheil Kavelashvili|GEO|President|2024||1||Kavelashvili
L|Salome Zourabichvili|GEO|President|2018|2024|0||Zourabichvili
L|Kyriakos Mitsotakis|GRC|Prime Minister|2019||1||Mitsotakis
L|Alexis Tsipras|GRC|Prime Minister|2015|2019|0||Tsipras
L|Konstantinos Tasoulas|GRC|President|2025||1||
L|Katerina Sakellaropoulou|GRC|President|2020|2025|0||
L|Lai Ching-te|TWN|President|2024||1|William Lai;Lai Ching-teh|
L|Tsai Ing-wen|TWN|President|2016|2024|0||Tsai
L|Ma Ying-jeou|TWN|President|2008|2016|0||
L|Cho Jung-tai|TWN|Premier|2024||1||
O|Lin Chia-lung|TWN|Foreign Minister|2024||1||
L|Christian Stocker|AUT|Chancellor|2025||1||
L|Karl Nehammer|AUT|Chancellor|2021|2025|0||Nehammer
L|Sebastian Kurz|AUT|Chancellor|2020|2021|0||Kurz
L|Alexander Van der Bellen|AUT|President|2017||1||Van der Bellen
L|Bart De Wever|BEL|Prime Minister|2025||1||De Wever
L|Alexander De Croo|BEL|Prime Minister|2020|2025|0||De Croo
L|Philippe of Belgium|BEL|King|2013||1|King Philippe|
L|Rob Jetten|NLD|Prime Minister|2026||1||Jetten
L|Dick Schoof|NLD|Prime Minister|2024|2026|0||Schoof
L|Willem-Alexander|NLD|King|2013||1|King Willem-Alexander|
L|Mette Frederiksen|DNK|Prime Minister|2019||1||Frederiksen
L|Frederik X|DNK|King|2024||1|King Frederik X;King Frederik|
O|Lars Løkke Rasmussen|DNK|Foreign Minister|2022||1|Lars Lokke Rasmussen|
L|Ulf Kristersson|SWE|Prime Minister|2022||1||Kristersson
L|Magdalena Andersson|SWE|Prime Minister|2021|2022|0||
L|Stefan Löfven|SWE|Prime Minister|2014|2021|0|Stefan Lofven|Löfven
L|Jonas Gahr Støre|NOR|Prime Minister|2021||1|Jonas Gahr Store|
L|Erna Solberg|NOR|Prime Minister|2013|2021|0||Solberg
L|Alexander Stubb|FIN|President|2024||1||Stubb
L|Sauli Niinistö|FIN|President|2012|2024|0|Sauli Niinisto|Niinistö;Niinisto
L|Petteri Orpo|FIN|Prime Minister|2023||1||Orpo
L|Sanna Marin|FIN|Prime Minister|2019|2023|0||
L|Alar Karis|EST|President|2021||1||
L|Kristen Michal|EST|Prime Minister|2024||1||
L|Edgars Rinkēvičs|LVA|President|2023||1|Edgars Rinkevics|
L|Evika Siliņa|LVA|Prime Minister|2023||1|Evika Silina|
L|Gitanas Nausėda|LTU|President|2019||1|Gitanas Nauseda|Nausėda;Nauseda
L|Micheál Martin|IRL|Taoiseach|2025||1|Micheal Martin|
L|Simon Harris|IRL|Taoiseach|2024|2025|0||
L|Leo Varadkar|IRL|Taoiseach|2022|2024|0||Varadkar
L|Catherine Connolly|IRL|President|2025||1||
L|Michael D. Higgins|IRL|President|2011|2025|0|Michael D Higgins|
L|Luís Montenegro|PRT|Prime Minister|2024||1|Luis Montenegro|
L|António José Seguro|PRT|President|2026||1|Antonio Jose Seguro|
L|Marcelo Rebelo de Sousa|PRT|President|2016|2026|0||
L|Petr Pavel|CZE|President|2023||1||
L|Andrej Babiš|CZE|Prime Minister|2025||1|Andrej Babis|Babiš;Babis
L|Petr Fiala|CZE|Prime Minister|2021|2025|0||Fiala
L|Robert Fico|SVK|Prime Minister|2023||1||Fico
L|Peter Pellegrini|SVK|President|2024||1||
L|Zuzana Čaputová|SVK|President|2019|2024|0|Zuzana Caputova|
L|Robert Golob|SVN|Prime Minister|2022||1||
L|Nataša Pirc Musar|SVN|President|2022||1|Natasa Pirc Musar|
L|Andrej Plenković|HRV|Prime Minister|2016||1|Andrej Plenkovic|Plenković;Plenkovic
L|Zoran Milanović|HRV|President|2020||1|Zoran Milanovic|
L|Nicușor Dan|ROU|President|2025||1|Nicusor Dan|
L|Klaus Iohannis|ROU|President|2014|2025|0||Iohannis
L|Ilie Bolojan|ROU|Prime Minister|2025||1||Bolojan
L|Marcel Ciolacu|ROU|Prime Minister|2023|2025|0||
L|Nikos Christodoulides|CYP|President|2023||1||Christodoulides
L|Nicos Anastasiades|CYP|President|2013|2023|0||
L|Robert Abela|MLT|Prime Minister|2020||1||
L|Luc Frieden|LUX|Prime Minister|2023||1||
L|Xavier Bettel|LUX|Prime Minister|2013|2023|0||
L|Aleksandar Vučić|SRB|President|2017||1|Aleksandar Vucic|Vučić;Vucic
L|Maia Sandu|MDA|President|2020||1||Sandu
L|Edi Rama|ALB|Prime Minister|2013||1||
L|Albin Kurti|XKX|Prime Minister|2021||1||Kurti
L|Vjosa Osmani|XKX|President|2021||1||
L|Pope Leo XIV|VAT|Pope|2025||1|Leo XIV;Pope Leo;Robert Francis Prevost;Robert Prevost|
L|Pope Francis|VAT|Pope|2013|2025|0|Jorge Mario Bergoglio|
L|Mohammed Shia al-Sudani|IRQ|Prime Minister|2022||1|Mohammed Shia' al-Sudani;Mohammed Shia Al Sudani|al-Sudani
L|Mustafa al-Kadhimi|IRQ|Prime Minister|2020|2022|0||
L|Haider al-Abadi|IRQ|Prime Minister|2014|2018|0||
L|Abdul Latif Rashid|IRQ|President|2022||1||
L|Abdullah II|JOR|King|1999||1|King Abdullah II;Abdullah II of Jordan|
O|Ayman Safadi|JOR|Foreign Minister|2017||1||Safadi
L|Joseph Aoun|LBN|President|2025||1||
L|Michel Aoun|LBN|President|2016|2022|0||
L|Nawaf Salam|LBN|Prime Minister|2025||1||
L|Najib Mikati|LBN|Prime Minister|2021|2025|0||Mikati
L|Saad Hariri|LBN|Prime Minister|2016|2020|0||Hariri
L|Mishal Al-Ahmad Al-Jaber Al-Sabah|KWT|Emir|2023||1|Sheikh Mishal al-Ahmad al-Sabah;Sheikh Meshal al-Ahmad al-Jaber al-Sabah|
L|Hamad bin Isa Al Khalifa|BHR|King|1999||1|King Hamad|
L|Haitham bin Tariq|OMN|Sultan|2020||1|Sultan Haitham bin Tariq;Haitham bin Tarik|
L|Qaboos bin Said|OMN|Sultan|1970|2020|0|Sultan Qaboos|
O|Badr Albusaidi|OMN|Foreign Minister|2020||1|Badr al-Busaidi;Sayyid Badr Albusaidi|
L|Rashad al-Alimi|YEM|Chairman of the Presidential Leadership Council|2022||1||
L|Mahmoud Abbas|PSE|President|2005||1|Abu Mazen|Abbas
L|Mohammad Mustafa|PSE|Prime Minister|2024||1||
L|Mohammad Shtayyeh|PSE|Prime Minister|2019|2024|0||
L|Hibatullah Akhundzada|AFG|Supreme Leader|2021||1|Haibatullah Akhundzada|Akhundzada
L|Ashraf Ghani|AFG|President|2014|2021|0||Ghani
O|Amir Khan Muttaqi|AFG|Foreign Minister|2021||1||Muttaqi
L|Kassym-Jomart Tokayev|KAZ|President|2019||1||Tokayev
L|Nursultan Nazarbayev|KAZ|President|1991|2019|0||Nazarbayev
L|Shavkat Mirziyoyev|UZB|President|2016||1||Mirziyoyev
L|Sadyr Japarov|KGZ|President|2021||1|Sadyr Zhaparov|Japarov
L|Emomali Rahmon|TJK|President|1994||1||Rahmon
L|Serdar Berdimuhamedow|TKM|President|2022||1|Serdar Berdimuhamedov|
L|Gurbanguly Berdimuhamedow|TKM|President|2007|2022|0|Gurbanguly Berdimuhamedov|
L|Min Aung Hlaing|MMR|Head of the military government|2021||1|Senior General Min Aung Hlaing|
L|Aung San Suu Kyi|MMR|State Counsellor|2016|2021|0|Daw Aung San Suu Kyi|Suu Kyi
L|Anutin Charnvirakul|THA|Prime Minister|2025||1||Anutin
L|Paetongtarn Shinawatra|THA|Prime Minister|2024|2025|0||Paetongtarn
L|Srettha Thavisin|THA|Prime Minister|2023|2024|0||Srettha
L|Prayut Chan-o-cha|THA|Prime Minister|2014|2023|0|Prayuth Chan-ocha|Prayut;Prayuth
L|Vajiralongkorn|THA|King|2016||1|King Maha Vajiralongkorn;King Vajiralongkorn;Rama X|
L|Hun Manet|KHM|Prime Minister|2023||1||
L|Hun Sen|KHM|Prime Minister|1985|2023|0||
L|Anwar Ibrahim|MYS|Prime Minister|2022||1||Anwar
L|Mahathir Mohamad|MYS|Prime Minister|2018|2020|0||Mahathir
L|Najib Razak|MYS|Prime Minister|2009|2018|0||Najib
L|Lawrence Wong|SGP|Prime Minister|2024||1||
L|Lee Hsien Loong|SGP|Prime Minister|2004|2024|0||
L|Hassanal Bolkiah|BRN|Sultan|1967||1|Sultan Hassanal Bolkiah|
L|José Ramos-Horta|TLS|President|2022||1|Jose Ramos-Horta|Ramos-Horta
L|Xanana Gusmão|TLS|Prime Minister|2023||1|Xanana Gusmao|
L|Tarique Rahman|BGD|Prime Minister|2026||1||
L|Muhammad Yunus|BGD|Chief Adviser|2024|2026|0||Yunus
L|Sheikh Hasina|BGD|Prime Minister|2009|2024|0|Sheikh Hasina Wazed|Hasina
L|K. P. Sharma Oli|NPL|Prime Minister|2024|2025|0|KP Sharma Oli;KP Oli|
L|Anura Kumara Dissanayake|LKA|President|2024||1|Anura Kumara Dissanayaka|Dissanayake
L|Ranil Wickremesinghe|LKA|President|2022|2024|0||Wickremesinghe
L|Gotabaya Rajapaksa|LKA|President|2019|2022|0||
L|Mohamed Muizzu|MDV|President|2023||1||Muizzu
L|Christopher Luxon|NZL|Prime Minister|2023||1||Luxon
L|Jacinda Ardern|NZL|Prime Minister|2017|2023|0||Ardern
O|Winston Peters|NZL|Foreign Minister|2023||1||
L|James Marape|PNG|Prime Minister|2019||1||
L|Sitiveni Rabuka|FJI|Prime Minister|2022||1||
L|Miguel Díaz-Canel|CUB|President|2018||1|Miguel Diaz-Canel|Díaz-Canel;Diaz-Canel
L|Raúl Castro|CUB|President|2008|2018|0|Raul Castro|
L|José Antonio Kast|CHL|President|2026||1|Jose Antonio Kast|
L|Gabriel Boric|CHL|President|2022|2026|0||Boric
L|Dina Boluarte|PER|President|2022|2025|0||Boluarte
L|Daniel Noboa|ECU|President|2023||1||Noboa
L|Rodrigo Paz|BOL|President|2025||1|Rodrigo Paz Pereira|
L|Luis Arce|BOL|President|2020|2025|0||
L|Evo Morales|BOL|President|2006|2019|0||
L|Santiago Peña|PRY|President|2023||1|Santiago Pena|
L|Yamandú Orsi|URY|President|2025||1|Yamandu Orsi|
L|Luis Lacalle Pou|URY|President|2020|2025|0||
L|Daniel Ortega|NIC|President|2007||1||Ortega
L|Rosario Murillo|NIC|Co-President|2025||1||
L|Nayib Bukele|SLV|President|2019||1||Bukele
L|Nasry Asfura|HND|President|2026||1||
L|Xiomara Castro|HND|President|2022|2026|0||
L|Bernardo Arévalo|GTM|President|2024||1|Bernardo Arevalo|
L|José Raúl Mulino|PAN|President|2024||1|Jose Raul Mulino|Mulino
L|Luis Abinader|DOM|President|2020||1||Abinader
L|Andrew Holness|JAM|Prime Minister|2016||1||
L|Irfaan Ali|GUY|President|2020||1||
L|Abdul Hamid Dbeibah|LBY|Prime Minister|2021||1|Abdulhamid Dbeibah;Abdul Hamid al-Dbeibah|Dbeibah
L|Kais Saied|TUN|President|2019||1|Kais Saïed|Saied
L|Abdel Fattah al-Burhan|SDN|Chairman of the Sovereignty Council|2019||1|Abdel-Fattah al-Burhan;Abdel Fattah Burhan|al-Burhan;Burhan
L|Omar al-Bashir|SDN|President|1989|2019|0||
L|Salva Kiir|SSD|President|2011||1|Salva Kiir Mayardit|Kiir
L|Hassan Sheikh Mohamud|SOM|President|2022||1||
L|Ismaïl Omar Guelleh|DJI|President|1999||1|Ismail Omar Guelleh|Guelleh
L|William Ruto|KEN|President|2022||1||Ruto
L|Uhuru Kenyatta|KEN|President|2013|2022|0||Kenyatta
L|Yoweri Museveni|UGA|President|1986||1||Museveni
L|Samia Suluhu Hassan|TZA|President|2021||1||
L|John Magufuli|TZA|President|2015|2021|0||Magufuli
L|Évariste Ndayishimiye|BDI|President|2020||1|Evariste Ndayishimiye|Ndayishimiye
L|Denis Sassou Nguesso|COG|President|1997||1|Denis Sassou-Nguesso|Sassou Nguesso
L|João Lourenço|AGO|President|2017||1|Joao Lourenco|
L|Hakainde Hichilema|ZMB|President|2021||1||Hichilema
L|Emmerson Mnangagwa|ZWE|President|2017||1||Mnangagwa
L|Robert Mugabe|ZWE|President|1987|2017|0||Mugabe
L|Daniel Chapo|MOZ|President|2025||1||
L|Filipe Nyusi|MOZ|President|2015|2025|0||
L|Netumbo Nandi-Ndaitwah|NAM|President|2025||1||
L|Duma Boko|BWA|President|2024||1||
L|John Mahama|GHA|President|2025||1|John Dramani Mahama|Mahama
L|Nana Akufo-Addo|GHA|President|2017|2025|0||Akufo-Addo
L|Bassirou Diomaye Faye|SEN|President|2024||1||
L|Ousmane Sonko|SEN|Prime Minister|2024||1||Sonko
L|Macky Sall|SEN|President|2012|2024|0||
L|Alassane Ouattara|CIV|President|2010||1||Ouattara
L|Assimi Goïta|MLI|President|2021||1|Assimi Goita|
L|Ibrahim Traoré|BFA|President|2022||1|Ibrahim Traore|
L|Abdourahamane Tiani|NER|President|2023||1|Abdourahamane Tchiani|Tiani
L|Mohamed Bazoum|NER|President|2021|2023|0||Bazoum
L|Mahamat Idriss Déby|TCD|President|2021||1|Mahamat Idriss Deby;Mahamat Deby|
L|Paul Biya|CMR|President|1982||1||Biya
L|Faustin-Archange Touadéra|CAF|President|2016||1|Faustin-Archange Touadera|Touadéra;Touadera
L|Brice Oligui Nguema|GAB|President|2023||1||
L|Ali Bongo Ondimba|GAB|President|2009|2023|0|Ali Bongo|
L|Mamady Doumbouya|GIN|President|2021||1||Doumbouya
O|Ursula von der Leyen|EU|President of the European Commission|2019||1||von der Leyen
O|António Costa|EU|President of the European Council|2024||1|Antonio Costa|
O|Charles Michel|EU|President of the European Council|2019|2024|0||
O|Kaja Kallas|EU|High Representative for Foreign Affairs and Security Policy|2024||1||Kallas
O|Josep Borrell|EU|High Representative for Foreign Affairs and Security Policy|2019|2024|0||Borrell
O|António Guterres|UN|Secretary-General|2017||1|Antonio Guterres|Guterres
O|Ban Ki-moon|UN|Secretary-General|2007|2016|0||
O|Mark Rutte|NATO|Secretary General|2024||1||Rutte
O|Jens Stoltenberg|NATO|Secretary General|2014|2024|0||Stoltenberg
O|Rafael Grossi|IAEA|Director General|2019||1|Rafael Mariano Grossi|Grossi
O|Mahmoud Ali Youssouf|AU|Chairperson of the African Union Commission|2025||1||
O|Moussa Faki Mahamat|AU|Chairperson of the African Union Commission|2017|2025|0|Moussa Faki|
"""


# ---------------------------------------------------------------------------------------------
# Building the graph as (subject, predicate, object) with objects already in Turtle syntax.
# ---------------------------------------------------------------------------------------------
def fold(text: str) -> str:
    """``text`` without diacritics (ASCII where possible)."""
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))


def slug(text: str) -> str:
    """A lowercase ASCII slug: "Kim Jong Un" -> "kim-jong-un"."""
    text = fold(text).replace("ʻ", "").replace("’", "").replace("'", "").lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def lit(text: str, lang: str | None = "en", datatype: str | None = None) -> str:
    """A Turtle literal with the escapes the grammar needs."""
    esc = (text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
           .replace("\t", "\\t"))
    if datatype:
        return f'"{esc}"^^{datatype}'
    return f'"{esc}"@{lang}' if lang else f'"{esc}"'


def split(field: str) -> list[str]:
    return [x.strip() for x in field.split(";") if x.strip()]


def state_rows() -> list[dict]:
    rows = []
    for line in STATES.strip().splitlines():
        iso3, label, qid, dem, cap, alt = (f.strip() for f in line.split("|"))
        rows.append(dict(iso3=iso3, label=label, qid=qid, demonyms=split(dem), capital=cap, alt=split(alt)))
    return rows


def people_rows() -> list[dict]:
    rows = []
    for line in PEOPLE.strip().splitlines():
        fields = [f.strip() for f in line.split("|")]
        if len(fields) != 9:
            raise SystemExit(f"bad PEOPLE row ({len(fields)} fields): {line}")
        kind, name, actor, role, start, end, now, alt, hidden = fields
        rows.append(dict(kind=kind, name=name, actor=actor, role=role, start=start, end=end, now=now == "1",
                         alt=split(alt), hidden=split(hidden)))
    return rows


def iso_codes(iso3: str) -> tuple[str, str | None, str | None]:
    """(alpha-2, numeric, pycountry official name) for ``iso3``."""
    if iso3 in EXTRA_CODES:
        a2, num = EXTRA_CODES[iso3]
        return a2, num, None
    c = pycountry.countries.get(alpha_3=iso3)
    if c is None:
        raise SystemExit(f"{iso3}: unknown to pycountry")
    official = getattr(c, "official_name", None)
    if official and official.lower().startswith("the "):
        official = official[4:]
    return c.alpha_2, c.numeric, official


def build() -> tuple[dict[str, list[tuple[str, str]]], set[str]]:
    """Subjects (prefixed names) -> list of (predicate, object); and the set of UN member ids."""
    triples: dict[str, list[tuple[str, str]]] = {}

    def add(s: str, p: str, o: str) -> None:
        triples.setdefault(s, []).append((p, o))

    un_members: set[str] = set()
    for row in state_rows():
        iso3 = row["iso3"]
        s = f"actor:{iso3}"
        a2, num, py_official = iso_codes(iso3)
        add(s, "a", "kg:State")
        add(s, "rdfs:label", lit(row["label"]))
        add(s, "skos:prefLabel", lit(row["label"]))
        official = OFFICIAL.get(iso3) or py_official or row["label"]
        add(s, "kg:officialName", lit(official))
        names = {row["label"].lower(), official.lower()}
        for alt in row["alt"] + [fold(n) for n in row["alt"] + [row["label"], official]]:
            if alt.lower() not in names:
                names.add(alt.lower())
                add(s, "skos:altLabel", lit(alt))
        for d in row["demonyms"]:
            add(s, "kg:demonym", lit(d))
        add(s, "kg:iso2", lit(a2, lang=None))
        add(s, "kg:iso3", lit(iso3, lang=None))
        if num:
            add(s, "kg:isoNumeric", lit(num, lang=None))
        status = UN_STATUS.get(iso3, "member")
        add(s, "kg:unStatus", lit(status, lang=None))
        if status == "member":
            un_members.add(iso3)
            add(s, "kg:memberOf", "actor:UN")
        add(s, "owl:sameAs", f"wd:{row['qid']}")
        for seat in SEATS.get(iso3, []):
            add(s, "kg:seatOfPower", lit(seat))
        for agency in AGENCIES.get(iso3, []):
            add(s, "kg:agency", lit(agency))
        if iso3 in COMBINING:
            add(s, "kg:combiningForm", lit(COMBINING[iso3]))
        cap = row["capital"]
        place = f"place:{slug(cap)}"
        add(s, "kg:capital", place)
        if place not in triples:
            lat, lon = COORDS[cap]
            add(place, "a", "kg:Place")
            add(place, "rdfs:label", lit(cap))
            alts = list(CAPITAL_ALT.get(cap, []))
            if fold(cap) != cap and fold(cap) not in alts:
                alts.append(fold(cap))
            for alt in alts:
                add(place, "skos:altLabel", lit(alt))
            add(place, "geo:lat", lit(f"{lat:.4f}", datatype="xsd:decimal"))
            add(place, "geo:long", lit(f"{lon:.4f}", datatype="xsd:decimal"))

    for oid, org in ORGS.items():
        s = f"actor:{oid}"
        add(s, "a", f"kg:{org['kind']}")
        add(s, "rdfs:label", lit(org["label"]))
        add(s, "skos:prefLabel", lit(org["label"]))
        names = {org["label"].lower()}
        if org.get("official"):
            add(s, "kg:officialName", lit(org["official"]))
            names.add(org["official"].lower())
        for alt in org.get("alt", []):
            if alt.lower() not in names:
                names.add(alt.lower())
                add(s, "skos:altLabel", lit(alt))
        for seat in org.get("seat", []):
            add(s, "kg:seatOfPower", lit(seat))
        for agency in org.get("agency", []):
            add(s, "kg:agency", lit(agency))
        for noun in org.get("refer", []):
            add(s, "kg:referenceNoun", lit(noun))
        if org.get("adjective"):
            add(s, "kg:groupAdjective", lit(org["adjective"]))
        if org.get("forum"):
            add(s, "kg:forum", lit("true", datatype="xsd:boolean"))
        if org.get("qid"):
            add(s, "owl:sameAs", f"wd:{org['qid']}")
    for oid, members in MEMBERS.items():
        for m in members.split():
            add(f"actor:{m}", "kg:memberOf", f"actor:{oid}")

    seen: dict[str, str] = {}
    for row in people_rows():
        pid = slug(row["name"])
        if pid in seen:
            raise SystemExit(f"two people with the slug {pid}: {seen[pid]} and {row['name']}")
        seen[pid] = row["name"]
        s = f"person:{pid}"
        add(s, "a", "kg:Person")
        add(s, "rdfs:label", lit(row["name"]))
        add(s, "skos:prefLabel", lit(row["name"]))
        names = {row["name"].lower()}
        for alt in row["alt"] + [fold(n) for n in [row["name"]] + row["alt"]]:
            if alt.lower() not in names:
                names.add(alt.lower())
                add(s, "skos:altLabel", lit(alt))
        for h in row["hidden"]:
            add(s, "skos:hiddenLabel", lit(h))
        add(s, "kg:role", lit(row["role"]))
        add(s, "kg:leaderOf" if row["kind"] == "L" else "kg:officialOf", f"actor:{row['actor']}")
        add(s, "kg:inOffice", lit("true" if row["now"] else "false", datatype="xsd:boolean"))
        if row["start"]:
            add(s, "kg:termStart", lit(row["start"], datatype="xsd:gYear"))
        if row["end"]:
            add(s, "kg:termEnd", lit(row["end"], datatype="xsd:gYear"))
    return triples, un_members


# Predicates in the order they are written; any other predicate is an error.
PREDICATE_ORDER = [
    "a", "rdfs:label", "skos:prefLabel", "kg:officialName", "skos:altLabel", "skos:hiddenLabel", "kg:demonym",
    "kg:iso2", "kg:iso3", "kg:isoNumeric", "kg:unStatus", "kg:capital", "kg:seatOfPower", "kg:agency",
    "kg:combiningForm", "kg:groupAdjective", "kg:referenceNoun", "kg:forum", "kg:role", "kg:leaderOf", "kg:officialOf", "kg:inOffice", "kg:termStart", "kg:termEnd", "kg:memberOf",
    "owl:sameAs", "geo:lat", "geo:long",
]

SECTIONS = [("actor:", "States, organizations and groups"), ("place:", "Capitals"), ("person:", "People")]


def render(triples: dict[str, list[tuple[str, str]]]) -> str:
    out = ["# kg gazetteer: states, organizations, groups, capitals and people, with the names news uses.",
           "# Generated by tools/make_gazetteer.py; edit the tables there and run it again, not this file.",
           ""]
    out += [f"@prefix {p}: <{iri}> ." for p, iri in PREFIXES]
    for prefix, title in SECTIONS:
        subjects = sorted(s for s in triples if s.startswith(prefix))
        out += ["", f"# {title} ({len(subjects)})", ""]
        for s in subjects:
            by_pred: dict[str, set[str]] = {}
            for p, o in triples[s]:
                if p not in PREDICATE_ORDER:
                    raise SystemExit(f"unexpected predicate {p}")
                by_pred.setdefault(p, set()).add(o)
            lines = []
            for p in PREDICATE_ORDER:
                if p in by_pred:
                    objs = sorted(by_pred[p])
                    if len(objs) <= 2 and sum(len(o) for o in objs) < 60:
                        lines.append(f"    {p} " + ", ".join(objs))
                    else:
                        lines.append(f"    {p}\n        " + ",\n        ".join(objs))
            out.append(s + "\n" + " ;\n".join(lines) + " .")
            out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


def main(argv: list[str] | None = None) -> int:
    here = Path(__file__).resolve().parent.parent
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--output", type=Path, default=here / "ontology" / "states.ttl")
    args = ap.parse_args(argv)
    triples, un_members = build()
    if len(un_members) != 193:
        raise SystemExit(f"expected 193 UN member states, have {len(un_members)}")
    text = render(triples)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_bytes(text.encode("utf-8"))
    print(f"wrote {args.output} ({len(text.encode('utf-8'))} bytes, {len(triples)} subjects)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
