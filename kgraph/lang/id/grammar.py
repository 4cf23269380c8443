"""Closed classes of Indonesian function words that the extractor's rules use.

Small closed sets live here as frozensets (open lists are data files). Why
each exists is said at the set.
"""

from __future__ import annotations

#: Words that end a descriptive phrase (an event's name, an institution's field):
#: prepositions, conjunctions, relativisers and demonstratives.
PHRASE_BREAKERS = frozenset(
    """
    di ke dari pada kepada untuk bagi oleh dengan tanpa terhadap tentang mengenai
    sejak selama hingga sampai sebelum sesudah setelah usai pasca menjelang jelang
    saat ketika sewaktu sementara sedangkan serta atau namun tetapi tapi melainkan
    karena sebab agar supaya sehingga maka jika apabila bila kalau meski walau
    yang yakni yaitu adalah ialah merupakan sebagai selaku atas dalam antara
    ini itu tersebut tadi nanti juga pun lagi akan telah sudah sedang masih belum
    tidak bukan harus wajib dapat bisa perlu ada secara sebanyak sekitar se
    digelar digelar dilaksanakan diadakan dilakukan berlangsung diikuti dihadiri dipimpin
    """.split()
)

#: Roman numerals that follow a title or unit ("Wakil Ketua I", "Asisten II", "eselon III").
ROMAN_NUMERALS = frozenset("I II III IV V VI VII VIII IX X".split())

#: Words that introduce a place below the regency level, or a building or street.
#: A region name right after one of them names that place, not the region
#: ("Kecamatan Sambas", "Jalan Gowa").
SUBREGION_WORDS = frozenset(
    """
    kecamatan kec kec. desa ds ds. kelurahan kel kel. dusun kampung kampong nagari gampong
    distrik banjar negeri jorong lingkungan jalan jl jl. gang gg gg. gedung lapangan alun-alun
    stadion pulau sungai gunung teluk pantai pelabuhan bandara bandar masjid hotel rumah
    perumahan pasar taman terminal stasiun wisma aula pendopo pendapa balai graha asrama
    """.split()
)

#: Adverbs that may stand between a speaker's name and the speech verb
#: ("Juanto juga menambahkan").
SPEECH_ADVERBS = frozenset("juga pun kembali lebih lanjut pula kemudian lantas sempat turut bahkan".split())

#: Words that connect the parts of a multi-word institution or unit name.
NAME_CONNECTORS = frozenset(["dan", "&", "serta"])

#: Words that introduce a nickname or the name a person is called by
#: ("Iron, sapaan Bupati Lombok Timur"; "Bupati Agung (panggilan Mukti Agung Wibowo)").
NICKNAME_WORDS = frozenset(["sapaan", "panggilan", "disapa", "dipanggil", "alias", "karib"])

#: Words that introduce a regulation title ("Surat Edaran ... tentang pelantikan ...").
#: An event word inside such a title names the regulation's subject, not an event.
REGULATION_WORDS = frozenset(
    """
    peraturan perda perbup perwali pergub perpres permen permendagri permenpan keputusan
    kepmendagri keppres inpres instruksi undang-undang uu edaran se nomor no. qanun
    """.split()
)

#: Words that mark the apposition "selaku"/"sebagai" between a name and a title.
APPOSITION_WORDS = frozenset(["selaku", "sebagai", "yakni", "yaitu"])

#: Words that end an event's descriptive name: times, dates and ordinals
#: ("pelantikan pertama", "seleksi hari pertama", "apel pagi").
EVENT_NAME_BREAKERS = frozenset(
    """
    hari pukul tanggal minggu bulan tahun pagi siang sore malam kemarin besok lusa
    pertama kedua ketiga keempat kelima terakhir berikutnya lalu mendatang depan
    beberapa waktu sejumlah para seluruh semua
    """.split()
)

#: Verb prefixes: a word with one of them ends an event's name ("seleksi dimulai", "rapat membahas").
VERB_PREFIXES = ("me", "di", "ber", "ter", "mem", "men", "meng", "meny")

#: Event words that are also common nouns: they name an event only before a capitalised
#: name or another event word ("peringatan" is both a warning and a commemoration).
AMBIGUOUS_EVENT_WORDS = frozenset(["peringatan", "pertemuan", "kegiatan", "acara"])

#: The body a title's last word heads, when the title abbreviates it and the field follows:
#: "Kadis [PUPR]" heads Dinas PUPR, "Menteri [Dalam Negeri]" heads Kementerian Dalam Negeri.
TITLE_HEAD_BODIES = {
    "dinas": "Dinas",
    "badan": "Badan",
    "kantor": "Kantor",
    "biro": "Biro",
    "menteri": "Kementerian",
}

#: Heads of bodies whose names are proper names ("Universitas Hasanuddin", "PT Semen Tonasa"):
#: any capitalised words continue them, a region name included ("Institut Teknologi Bandung").
PROPER_NAME_HEAD_KINDS = frozenset(["education", "company"])

#: Words that make a disaster word name an occurrence rather than a risk ("banjir melanda",
#: "korban banjir", not "rawan banjir" or "kontinjensi banjir"): verbs of striking after it,
#: and nouns of its aftermath before it.
DISASTER_VERBS = frozenset(
    """
    melanda menerjang merendam menggenangi terjadi mengguyur menimpa menghantam meluluhlantakkan
    merusak menewaskan menelan mengakibatkan menyebabkan menutup memutus meletus mengguncang
    """.split()
)
DISASTER_AFTERMATH = frozenset("korban akibat terdampak pascabanjir pengungsi dampak".split())

#: Words of a title that heads a unit inside a body, whose name follows the title
#: ("Kepala Bidang Mutasi dan Promosi", "Kasubag Dokumentasi", "Kordiv Penanganan Pelanggaran").
UNIT_TITLE_WORDS = frozenset("bidang bagian seksi sub divisi bid bag subbag".split())
UNIT_TITLE_FORMS = frozenset("kabid kabag kasubag kasubbag kasi kordiv kasubid kasie kasat".split())

#: Words after a national body that keep it national ("Korpri Nasional", "KPU RI", "BKN Pusat").
NATIONAL_WORDS = frozenset(["nasional", "ri", "pusat"])

#: Words before "(Pj)" that the bracket turns into an acting title ("Pejabat (Pj) Sekretaris Daerah").
ACTING_NOUNS = frozenset(["pejabat", "penjabat", "pelaksana"])

#: Words that give a post to the sentence's subject when no name follows the title
#: ("Marcellus TJ ... ditunjuk untuk menjabat sebagai Pj Bupati").
POST_ASSIGNING_WORDS = frozenset(["sebagai", "menjabat", "selaku", "menjadi"])

#: Words that refer back to the deputies of the last post named ("didampingi wakilnya, A dan B").
DEPUTY_WORDS = frozenset(["wakilnya", "wakil-wakilnya"])

#: The phrase for a region's head of government ("orang nomor satu di Kabupaten X").
HEAD_OF_REGION_PHRASE = ("orang", "nomor", "satu", "di")
