"""Company names in several languages, each with an ASCII slug for its onmicrosoft domain.

Names are assembled from parts that carry their own romanization, so a Chinese or Japanese name
gets a readable domain (台北精密工業 -> taipeiprecision) without a transliteration library.
"""

from __future__ import annotations

import random
import unicodedata

# (culture, weight, country code, custom-domain suffix)
CULTURES: tuple[tuple[str, int, str, str], ...] = (
    ("en-US", 28, "US", ".com"),
    ("de-DE", 15, "DE", ".de"),
    ("zh-TW", 13, "TW", ".com.tw"),
    ("ja-JP", 12, "JP", ".co.jp"),
    ("fr-FR", 10, "FR", ".fr"),
    ("es-ES", 8, "ES", ".es"),
    ("en-GB", 8, "GB", ".co.uk"),
)


def _words(text: str, sep: str | None = None) -> tuple[str, ...]:
    return tuple(w.strip() for w in text.split(sep) if w.strip())


def _pairs(text: str) -> tuple[tuple[str, str], ...]:
    """ "台北=taipei 新竹=hsinchu" -> (("台北", "taipei"), ...): a name and its romanization."""
    return tuple((a, b) for a, _, b in (w.partition("=") for w in text.split()))


_ZH_BRANDS = _pairs(
    "台灣=taiwan 台北=taipei 新竹=hsinchu 台中=taichung 高雄=kaohsiung "
    "桃園=taoyuan 台南=tainan 宜蘭=yilan 瑞昇=juisheng 嘉和=chiaho "
    "永信=yunghsin 宏遠=hungyuan 佳鼎=chiating 廣宇=kuangyu 振發=chenfa "
    "金豐=chinfeng"
)
_ZH_TRADES = _pairs(
    "精密=precision 光電=optronics 半導體=semicon 電子=electronics 科技=tech "
    "生技=biotech 物流=logistics 資訊=infotech 機械=machinery 紡織=textile "
    "食品=foods 建設=construction 醫療器材=medical 綠能=greenenergy "
    "通訊=telecom 塑膠=plastics"
)
_JA_FAMILIES = _pairs(
    "山田=yamada 佐藤=sato 鈴木=suzuki 高橋=takahashi 田中=tanaka "
    "中村=nakamura 小林=kobayashi 加藤=kato 吉田=yoshida 松本=matsumoto "
    "東京=tokyo 大阪=osaka 名古屋=nagoya 横浜=yokohama 京都=kyoto 福岡=fukuoka"
)
_JA_TRADES = _pairs(
    "製作所=seisakusho 精機=seiki 電機=denki 商事=shoji 物産=bussan "
    "システム=system ソリューションズ=solutions 運輸=unyu 建設=kensetsu 化学=kagaku "
    "食品=shokuhin 不動産=fudosan 工業=kogyo 情報サービス=joho"
)
_ZH_FORMS = (
    ("工業股份有限公司", "ind"), ("股份有限公司", ""), ("有限公司", ""),
    ("企業股份有限公司", "corp"), ("實業有限公司", "co"),
)  # fmt: skip
_DE_NAMES = _words(
    "Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz Hoffmann Schäfer Koch "
    "Bauer Richter Klein Wolf Schröder Neumann Schwarz Zimmermann Braun Krüger Hartmann Lange "
    "Weiß Köhler Jäger Groß Böhm Vogt"
)
_DE_CITIES = _words(
    "Münchner Berliner Hamburger Kölner Dresdner Stuttgarter Nürnberger Bremer Düsseldorfer "
    "Leipziger"
)
_DE_TRADES = _words(
    "Feinmechanik Druckerei Verpackungstechnik Gebäudereinigung Stahlbau Softwarehaus "
    "Kunststofftechnik Brauerei Elektrotechnik Haustechnik"
)
_EN_NAMES = _words(
    "Anderson Baker Carter Dawson Ellis Foster Grant Hayes Irving Jensen Keller Lawson Morgan "
    "Nolan Parker Quinn Reed Sullivan Turner Walsh Whitaker Fletcher Bishop Harper"
)
_FR_NAMES = _words(
    "Martin Bernard Dubois Thomas Robert Richard Petit Durand Leroy Moreau Lefèvre Garnier "
    "Faure Rousseau Chevalier Gauthier Mercier"
)
_ES_NAMES = _words(
    "García Fernández González Rodríguez López Martínez Sánchez Pérez Gómez Jiménez Ruiz "
    "Hernández Díaz Moreno Muñoz Álvarez Romero Ibáñez"
)
_DE_PATTERNS = _words(
    "{n} & Söhne GmbH | Bäckerei {n} | {n} Logistik GmbH | {n} Maschinenbau AG | {c} {t} GmbH "
    "& Co. KG | Autohaus {n} GmbH | Steuerberatung {n} & Partner mbB | {n} Elektrotechnik "
    "e.K. | Metzgerei {n} | Ingenieurbüro {n} | Zahnarztpraxis Dr. {n} | {n} {t} GmbH",
    "|",
)
_EN_PLACES = _words(
    "Blue Ridge | Summit | Northwind | Cedar | Harbor | Pioneer | Evergreen | Lakeside | "
    "Redwood | Silver Creek | Ironwood | Granite | Maple | Bright Horizon | Keystone | "
    "Prairie | Riverside | Oakmont",
    "|",
)
_EN_TRADES = _words(
    "Dental Group | Logistics | Construction | Manufacturing | Accounting | Realty | "
    "Veterinary Clinic | Consulting | Engineering | Family Medicine | Credit Union | "
    "Landscaping | Marketing | Brewing | Outfitters | Health Partners",
    "|",
)
_FR_PATTERNS = _words(
    "Boulangerie {n} | {n} & Fils SAS | Cabinet {n} Avocats | Transports {n} SARL | Pharmacie "
    "{n} | Atelier {n} | {n} Conseil SAS | Clinique vétérinaire {n} | Garage {n} et Fils | "
    "Menuiserie {n} SARL | Société {n} Électricité",
    "|",
)
_ES_PATTERNS = _words(
    "Construcciones {n} S.L. | Distribuciones {n} S.A. | Talleres {n} e Hijos S.L. | Clínica "
    "Dental {n} | Asesoría {n} y Asociados | Transportes {n} S.L.U. | Bodegas {n} | Farmacia "
    "{n} | Reformas {n} S.L.",
    "|",
)
_US_FORMS = ("Inc.", "LLC", "Corp.", "Co.", "PLLC", "")
_GB_FORMS = ("Ltd", "Ltd.", "LLP", "plc", "Limited", "")

# Names that a spreadsheet would run as a formula: the CSV export must neutralise them.
FORMULA_NAMES: dict[int, tuple[str, str, str]] = {
    3: ("@Home Networks Ltd", "homenetworks", "en-GB"),
    11: ("+Plus IT Services", "plusitservices", "en-US"),
}

LONG_NAMES: tuple[tuple[str, str, str], ...] = (
    (
        "Schwäbische Präzisionswerkzeug- und Maschinenbaugesellschaft Müller & Söhne GmbH & Co. KG",
        "schwaebischepraezision",
        "de-DE",
    ),
    (
        "The International Association of Independent Healthcare Providers of Northern "
        "California, Inc.",
        "iaihpnorcal",
        "en-US",
    ),
    (
        "Société Coopérative d'Intérêt Collectif des Producteurs Laitiers de la Vallée de la Loire",
        "scicvalleedelaloire",
        "fr-FR",
    ),
    (
        "Asociación de Empresas de Transporte y Logística de la Comunidad Valenciana y Murcia",
        "aetlvalenciamurcia",
        "es-ES",
    ),
    (
        "株式会社東日本総合エンジニアリング・テクノロジー・ソリューションズ・ホールディングス",
        "higashinihonsogo",
        "ja-JP",
    ),
    (
        "台灣精密光電半導體材料科技工業股份有限公司新竹科學園區分公司暨先進製程研發中心",
        "twprecisionoptosemi",
        "zh-TW",
    ),
)
LONG_NAME_INDICES = (5, 17)


def ascii_slug(text: str, limit: int = 22) -> str:
    """Lower-case ASCII letters and digits only, as an onmicrosoft domain label needs."""
    text = text.replace("ß", "ss").replace("ä", "ae").replace("ö", "oe").replace("ü", "ue")
    text = text.replace("Ä", "Ae").replace("Ö", "Oe").replace("Ü", "Ue")
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return "".join(ch for ch in folded.lower() if ch.isalnum())[:limit]


def pick_culture(rng: random.Random) -> tuple[str, str, str]:
    """(culture, country, custom-domain suffix) drawn with realistic weights."""
    total = sum(c[1] for c in CULTURES)
    point = rng.random() * total
    for culture, weight, country, suffix in CULTURES:
        point -= weight
        if point < 0:
            return culture, country, suffix
    culture, _, country, suffix = CULTURES[0]
    return culture, country, suffix


def culture_info(culture: str) -> tuple[str, str]:
    """(country, custom-domain suffix) for a culture."""
    for name, _, country, suffix in CULTURES:
        if name == culture:
            return country, suffix
    return "US", ".com"


def company_name(culture: str, rng: random.Random) -> tuple[str, str]:
    """A (name, slug) pair for a company of that culture."""
    if culture == "zh-TW":
        brand, trade, form = rng.choice(_ZH_BRANDS), rng.choice(_ZH_TRADES), rng.choice(_ZH_FORMS)
        return brand[0] + trade[0] + form[0], brand[1] + trade[1] + form[1]
    if culture == "ja-JP":
        fam, trade = rng.choice(_JA_FAMILIES), rng.choice(_JA_TRADES)
        core = fam[0] + trade[0]
        style = rng.random()
        if style < 0.55:
            name = "株式会社" + core
        elif style < 0.9:
            name = core + "株式会社"
        else:
            name = "合同会社" + core
        return name, fam[1] + trade[1]
    if culture == "de-DE":
        pattern = rng.choice(_DE_PATTERNS)
        n, c, t = rng.choice(_DE_NAMES), rng.choice(_DE_CITIES), rng.choice(_DE_TRADES)
        name = pattern.format(n=n, c=c, t=t)
        return name, _slug_of(name)
    if culture in ("en-US", "en-GB"):
        forms = _US_FORMS if culture == "en-US" else _GB_FORMS
        if rng.random() < 0.15:
            core = f"{rng.choice(_EN_NAMES)} & {rng.choice(_EN_NAMES)}"
        elif rng.random() < 0.5:
            core = f"{rng.choice(_EN_PLACES)} {rng.choice(_EN_TRADES)}"
        else:
            core = f"{rng.choice(_EN_NAMES)} {rng.choice(_EN_TRADES)}"
        legal = rng.choice(forms)
        return (f"{core} {legal}" if legal else core), _slug_of(core)
    if culture == "fr-FR":
        name = rng.choice(_FR_PATTERNS).format(n=rng.choice(_FR_NAMES))
        return name, _slug_of(name)
    name = rng.choice(_ES_PATTERNS).format(n=rng.choice(_ES_NAMES))
    return name, _slug_of(name)


# Legal forms and joiners carry no identity, so a domain label leaves them out.
_NOISE = frozenset(
    _words(
        "gmbh ag & co. kg mbb e.k. sas sarl s.l. s.a. s.l.u. inc. llc corp. pllc ltd ltd. llp "
        "plc limited dr. et e y und and"
    )
)


def _slug_of(name: str) -> str:
    return ascii_slug("".join(w for w in name.split() if w.lower() not in _NOISE))


# Contact people per culture: (first, last, first ASCII, last ASCII).
_PEOPLE: dict[str, tuple[tuple[str, str, str, str], ...]] = {
    "zh-TW": (
        ("怡君", "陳", "yichun", "chen"),
        ("志明", "林", "chihming", "lin"),
        ("淑芬", "黃", "shufen", "huang"),
        ("建宏", "張", "chienhung", "chang"),
        ("雅婷", "李", "yating", "lee"),
        ("俊傑", "王", "chunchieh", "wang"),
    ),
    "ja-JP": (
        ("太郎", "山田", "taro", "yamada"),
        ("花子", "佐藤", "hanako", "sato"),
        ("健一", "鈴木", "kenichi", "suzuki"),
        ("由美", "高橋", "yumi", "takahashi"),
        ("大輔", "田中", "daisuke", "tanaka"),
        ("恵", "中村", "megumi", "nakamura"),
    ),
    "de-DE": (
        ("Jürgen", "Müller", "juergen", "mueller"),
        ("Anna", "Schmidt", "anna", "schmidt"),
        ("Lukas", "Weber", "lukas", "weber"),
        ("Sophie", "Köhler", "sophie", "koehler"),
        ("Matthias", "Groß", "matthias", "gross"),
        ("Lena", "Becker", "lena", "becker"),
    ),
    "fr-FR": (
        ("Élodie", "Lefèvre", "elodie", "lefevre"),
        ("Julien", "Moreau", "julien", "moreau"),
        ("Camille", "Dubois", "camille", "dubois"),
        ("Théo", "Garnier", "theo", "garnier"),
    ),
    "es-ES": (
        ("Lucía", "García", "lucia", "garcia"),
        ("Javier", "Muñoz", "javier", "munoz"),
        ("Carmen", "Ibáñez", "carmen", "ibanez"),
        ("Sergio", "Pérez", "sergio", "perez"),
    ),
    "en": (
        ("Emily", "Carter", "emily", "carter"),
        ("James", "Whitaker", "james", "whitaker"),
        ("Olivia", "Nolan", "olivia", "nolan"),
        ("Michael", "Reed", "michael", "reed"),
        ("Sarah", "O'Connor", "sarah", "oconnor"),
        ("David", "Harper", "david", "harper"),
    ),
}


def person(culture: str, rng: random.Random) -> tuple[str, str, str, str]:
    return rng.choice(_PEOPLE.get(culture, _PEOPLE["en"]))
