"""A seeded generator of realistic Indonesian local-government news, for benchmarks at scale.

    .venv/bin/python benchmarks/corpus.py N -o FILE.jsonl [--seed S]

Writes N article records ``{"id", "title", "text", "date"}`` as JSONL (the
format ``kgraph build`` reads). :func:`generate` yields the same records.

The corpus is meant to make a build grow the way a real one does, so that
timings and memory at 1k, 10k and 100k articles mean something:

* **Regions**: the 514 kabupaten and kota of :func:`kgraph.lang.id.regions.regions`,
  picked with Zipf-like weights over a seeded order, so a few recur in
  thousands of articles and most in a few dozen.
* **Officials**: each region has 81 posts built from the title lexicon
  (:func:`~kgraph.lang.id.titles.titles`) and the institution lexicon
  (:func:`~kgraph.lang.id.institutions.institutions`): Bupati / Wali Kota and
  their deputies, Sekda, Ketua DPRD, Kapolres, Dandim, Kajari, the heads of
  some 30 dinas and badan, KPU and Bawaslu, camat and kepala desa. A post's
  holder is a function of (seed, region, post, term), so the same person comes
  back in many articles about the region until the term ends (elected heads
  after five years, with Penjabat in between; dinas heads and police and
  military commanders after one to three). Names are drawn, by province, from
  pools of Javanese, Sundanese, Batak, Minang, Bugis-Makassar, Balinese,
  Sasak, Acehnese, Papuan, eastern (NTT, Maluku, Minahasa), Chinese-Indonesian
  and Arabic-origin given and family names, with their particles (I Wayan, Ni
  Luh, Andi, La Ode, Lalu, Baiq, Teuku, Cut, Habib), honorifics, police and
  military ranks and academic degrees.
* **Prose**: a dateline ("GOWA (ANTARA) - "), a lead, quotes with the speech
  verbs of :mod:`kgraph.lang.id.speech_verbs` ("kata Rahmat", "ujarnya"),
  events from :func:`~kgraph.lang.id.events.event_triggers` (HUT Kabupaten X
  ke-N, Pilkada 2024, rapat paripurna, banjir, pelantikan ...), and filler
  sentences composed from many word lists (actors, verbs, objects, funds,
  figures, places, dates, programme names), with villages and districts made
  per region, so that the tokenizer does not profit from repeated text.

Articles are 1.2 to 3 KB of UTF-8 (about 2 KB on average). The output is a
pure function of ``n`` and ``seed`` (and of the installed spaCy's
Indonesian data, see :func:`_lexicon`); 100,000 articles take about 12 s.
"""

from __future__ import annotations

import argparse
import bisect
import datetime as dt
import functools
import itertools
import json
import random
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from kgraph.lang.id import events as ev_lex
from kgraph.lang.id import honorifics as hon_lex
from kgraph.lang.id import institutions as inst_lex
from kgraph.lang.id import names as names_lex
from kgraph.lang.id import regions as reg_lex
from kgraph.lang.id import speech_verbs as speech_lex
from kgraph.lang.id import titles as title_lex

MIN_BYTES = 1200
MAX_BYTES = 3000
MODE_BYTES = 2000
#: The share of articles that follow up a recent story (same region and lead post, days later).
FOLLOW_UP = 0.3
FIRST_DAY = dt.date(2019, 1, 1)
LAST_DAY = dt.date(2025, 12, 31)

# --------------------------------------------------------------------------- name pools
# Given names (male / female) and family or second names by naming tradition.
# A Javanese or Sundanese "family" name is the second element of a personal name.

_POOLS: dict[str, tuple[str, str, str]] = {
    "jawa": (
        "Agus Bambang Budi Joko Sutrisno Slamet Sugeng Suyanto Haryanto Wahyu Eko Dwi Hadi Purwadi Sukarno "
        "Suparman Sutarno Sumarno Subagyo Supriyadi Sudarmaji Heru Priyo Teguh Yudi Hartono Siswanto Bowo "
        "Setyo Hendro Ganjar Sigit Kuncoro Mulyono Jarot Sarwono Sukardi Tukiman Sunarto Sudarsono Warsito "
        "Mardiyanto Ari Anton Arif Rudi Kristanto Yoyok Untung Waluyo Triyono Sutomo Darsono Pujiono Wiyono "
        "Margono Sugiarto Hariyadi Gatot Bagus Danang Didik Edy Fajar Gunarto Hanung Imam Kukuh Lilik",
        "Endang Tutik Sumarni Wahyuni Suryani Puji Rini Retno Dewi Ratna Sulastri Kartini Ani Yuli Dyah Wulan "
        "Astuti Handayani Rahayu Ambarwati Winarni Sumiyati Titik Endah Utami Tri Murniati Sukesi Widowati "
        "Kusumastuti Hesti Ida",
        "Santoso Wibowo Nugroho Susilo Prasetyo Purnomo Widodo Suryadi Kusuma Setiawan Utomo Sasongko "
        "Hadiwijoyo Wicaksono Raharjo Sulistyo Riyanto Supriyanto Sutanto Purwanto Handoko Pamungkas Laksono "
        "Nugraha Subroto Sudibyo Hartanto Prakoso Wardoyo Suprapto Darmanto Yuwono Budiono Cahyono Haryono "
        "Suharso Mulyadi Sutopo Sumarsono Widyanto Wahono Sukamto Ismoyo Purwoko Adiwibowo Pranoto Suwarno "
        "Setyawan Kurniadi Wiyanto Atmojo Sudarmono Wijanarko Suyatno Martono Priyono",
    ),
    "sunda": (
        "Asep Dadang Cecep Ujang Deden Dede Ade Aep Iwan Yayat Entis Engkus Ateng Acep Aang Dedi Wawan Eman "
        "Iyus Jajang Ayi Usep Rahmat Yana Nana Oman Atep Deni Heri Agun Ruslan Dindin Encep Gungun Hendi "
        "Ikin Kang Maman Nandang Odih Udin",
        "Euis Neneng Enok Eneng Iis Titin Imas Lilis Cucu Yeti Tati Ela Nining Popong Atikah Nia Rika Ai "
        "Ceu Elis Ika Lina Wiwin",
        "Supriatna Suryana Saepudin Hidayat Permana Sudrajat Kusnadi Hermawan Sopandi Rusmana Sutisna "
        "Wiratmaja Suherman Sumantri Gunawan Kartasasmita Natawijaya Somantri Ruhimat Mulyana Sobandi "
        "Ruhiyat Kurniawan Rukmana Mansur Sunandar Kosasih Sukmana Iskandar Rohman Taryana Nurjaman Sumpena "
        "Hendrayana Jubaedi Suganda Sukanta Karyana Ardiwinata Setiadi Rusnandar Kurnia Sadikin Nurdiansyah "
        "Hamdani Ramdani Solihin Sahroni",
    ),
    "batak": (
        "Poltak Tigor Horas Binsar Maruli Togar Bonar Parlindungan Sahat Hotman Marihot Ronald Edison Jonner "
        "Bistok Tumpal Rudolf Sabar Ruhut Anggiat Manaek Hasudungan Pardamean Gomgom Rianto Mangatas Saut "
        "Luhut Darwin Parulian Benny Hendrik Bangun Tongam Sampe Jansen Marolop Hulman Tagor",
        "Rosmawati Tiurma Lasmaria Dorkas Rotua Masniari Hotmaida Rumondang Tiarma Nurhayati Roslina "
        "Tiominar Lamhot Mariani Sondang",
        "Nasution Siregar Harahap Lubis Simanjuntak Sitorus Hutagalung Panjaitan Situmorang Sinaga Simatupang "
        "Pardede Silalahi Tambunan Napitupulu Hutapea Manurung Sihombing Pasaribu Simbolon Sitompul Marpaung "
        "Purba Saragih Damanik Ginting Tarigan Sembiring Sitepu Hasibuan Daulay Rangkuti Pohan Batubara "
        "Matondang Hutabarat Gultom Sianturi Aritonang Tampubolon Nainggolan Simanullang Siahaan Sirait "
        "Lumbantobing Hutauruk Sihite Manalu Sagala",
    ),
    "minang": (
        "Mahyeldi Hendri Irwan Nasrul Yulius Fadly Andre Epyardi Suhatri Khairul Genius Rusma Safaruddin "
        "Yuliarman Desra Erman Zulfadli Febby Afrizal Arfan Riza Jasman Syafrizal Asrul Yandri Nofrizal "
        "Hendrajoni Refrizal Fauzi Alfian Darmawi Yosmeri Deri Rizki Wendra Yuspardi",
        "Nevi Harneli Yuniwarti Lisda Nofriyanti Elvi Gusmiati Darmawati Yusnita Rahmi Fitriani Desi Zulmiati",
        "Ansharullah Septa Syahrial Rosiade Piliang Chaniago Sikumbang Koto Jambak Guci Effendi Marzuki Naldi "
        "Asril Ilyas Yunus Darwis Syukri Ramli Nazar Anwar Jamaris Bakri Zainal Syofyan Dahlan Rasyid Azwar "
        "Hamid Nasrun Amran Chatib Tamin Malin Bagindo Hasnil Yuzar Dasril Fahmi",
    ),
    "bugis": (
        "Ilham Taufan Syahrul Nurdin Danny Adnan Sudirman Yasin Amran Iqbal Basli Tamsil Irfan Arifuddin "
        "Baharuddin Jufri Haruna Rusdi Nasaruddin Sukri Tajuddin Kaharuddin Hasanuddin Saharuddin Fachruddin "
        "Zainuddin Alimuddin Syamsuddin Amiruddin Najamuddin Mustari Appi Patta Akbar Ashar Taqwa Fahsar "
        "Muchlis Hamka Aswar Sukman Sulkifli Asrul Bahtiar Firdaus Hatta Ridwan",
        "Fatmawati Nurhaedah Indira Rusdiana Hasnah Sitti Rosmini Mardiana Ratnawati Harmawati Nurhidayah "
        "Sumarni Hasmiati Rahmawati",
        "Mallarangeng Sulaiman Limpo Pawelloi Mattalatta Mappasessu Mappiasse Tahir Siraj Mapparessa Amin "
        "Sukirman Tamrin Mansyur Sanusi Baso Lolo Rahman Bachtiar Umar Razak Salewangeng Beddu Mannan Lamba "
        "Paewai Makkawaru Madjid Massaguni Pallawarukka Rumpa Mappaselle Mallongi Pabbicara Lantara "
        "Tenriajeng Patunru Mappanganro Sikki Daeng Pasolong Tarru",
    ),
    "bali": (
        "Koster Suwirta Sedana Artha Giri Suwardana Wirawan Sanjaya Mahayastra Sutjidra Dana Suyasa "
        "Sudarsana Ardana Suarjana Parwata Sumarjaya Widiada Sudiarta Arimbawa Mertha Sugiarta Adnyana Astawa "
        "Budiarta Kariyasa Wiryawan Suarta Widyasa Susila Mudita Rai Suardika Bagiarta Dharma Sukerta Tama "
        "Sumertha Wiradana Eka Suryawan Artana",
        "Ariani Suastini Sukmawati Widiantari Suarmini Ariyanti Yuniari Wiratni Astiti Sudani Kusumawati "
        "Suryaningsih Darmayanti Wirati Sriasih Purnamasari",
        "Prasta Sukawati Negara Mantra Yasa Antara Jaya Suparta Wibawa Parwata Adi Sastra Ariawan Laksana "
        "Wedastra Kusuma Satria Wardana Ngurah Pramana Arsana Winata Suyadnya Sugiartha Ardika Mahendra "
        "Wijaya Kertanegara Santika",
    ),
    "sasak": (
        "Iqbal Gita Sukiman Azhar Fathurrahman Suhaili Sahdan Mahsun Junaidi Zaini Najmul Akhyar Muhir Hamzi "
        "Mastur Anas Nurhadi Saparudin Fauzan Zulhadi Hulaifi Mugni Jamhur Kamardi Ahyar Syamsul Mujiburrahman "
        "Habiburrahman Muazzim Rumaksi Khairul Sumiatun Husnul",
        "Nurul Sofiah Raehanun Hartini Widiastuti Murni Nilawati Nurmalasari Sumiatun Rohmi Hulwiyah Sri",
        "Wirajaya Abidin Faozal Ariadi Hamzan Supriadi Kadir Harun Akbar Muhtar Wirasakti Jayadi Kurnia "
        "Maarif Zainul Sahrul Sapoan Azwar Fikri Ridwan Hadi Rasyidi Tohri Rais Marzoan Mahyudi",
    ),
    "aceh": (
        "Muzakir Irwandi Nova Zaini Bustami Achmad Aminullah Safrizal Nazaruddin Mawardi Sayuti Razali "
        "Hasanuddin Mukhlis Kamaruddin Hasballah Fadhil Munawar Tarmizi Muslim Junaidi Rusli Yusri Khalidin "
        "Zubir Saifullah Husaini Azhari Bakhtiar Taufik Samsul Mirza Dahlan Jailani Rizal Zulfikar",
        "Illiza Darwati Marlina Meutia Aisyah Rosmiati Nurlela Yusnidar Rahmiati Safrida Zuraida",
        "Manaf Yusuf Abdullah Djohan Ibrahim Hasan Usman Saleh Jamil Daud Idris Mahmud Puteh Syam Basyah "
        "Thaib Daudy Kamil Yahya Gade Husin Ishak Arsyad Ismail Yacob Hanafiah Sufi Amiren Mahdi Hamzah "
        "Syahputra Wahab Ubit",
    ),
    "papua": (
        "Yohanis Lukas Mathius Johannes Befa Eltinus Klemen Yunus Benhur Mesak Natalis Wempi Sem Titus "
        "Demianus Paulus Yakobus Agustinus Daniel Frans Izak Nicolaus Habel Herman Yosias Markus Petrus "
        "Lambertus Willem Abraham Yermias Otto Yusak Elia Onesimus Decky Yulianus",
        "Yuliana Yosina Maria Ribka Naomi Debora Adriana Martha Ruth Agustina Yohana Fransina Dorlince Rosina",
        "Kogoya Enembe Awoitauw Rettob Yigibalom Wenda Tabuni Wonda Murib Wanimbo Kossay Mote Pigai Tebai "
        "Yeimo Douw Gobay Degei Rumbiak Mandacan Wakerkwa Kayame Kambu Ayomi Sawaki Rumaropen Wamafma "
        "Mansawan Korwa Karoba Sarwom Bonay Fonataba Maniagasi Wairara Worabay Waromi Tanawani Karubaba "
        "Womsiwor Mirino Wetipo Itlay Magai Yoman Weya",
    ),
    "timur": (
        "Viktor Josef Melkianus Yoseph Gabriel Marianus Stefanus Yohanes Fransiskus Aloysius Kornelis Jefri "
        "Olly Steven Vicky Caroll Jimmy Rendy Ferry Murad Barnabas Bernard Ambrosius Silvester Hendrikus "
        "Adrianus Kristofel Lodewyk Meky Yance",
        "Maria Theresia Agustina Yosefina Marselina Veronika Ivonne Jenny Angelica Meyke Christiany "
        "Magdalena Lusia",
        "Laiskodat Lerik Bria Tallo Kiik Manafe Amalo Ndoen Fanggidae Messakh Pello Dethan Bessie Latuconsina "
        "Tuasikal Ohorella Pattiasina Tuhumury Latumahina Sahetapy Matulessy Wattimena Lawalata Sopacua "
        "Ririhena Manuhutu Pical Sumampouw Mandagi Rumengan Lumentut Sondakh Pangemanan Tumbelaka Kalalo "
        "Walandouw Runtu Karamoy Wowor Tambuwun Rondonuwu Supit Mamahit Dengah Kandou Nahak Seran",
    ),
    "tionghoa": (
        "Hendra Susanto Budi Robert Felix Andreas Kevin Wilson Eddy Hengky Sugianto Johan Tommy Rudy Basuki "
        "Hartanto Budiman Kristian Harianto Ferdinand Steven William Sandi Hermanto Jusuf Gunadi Teddy Ricky "
        "Henry Liong",
        "Lanny Meilani Susi Linda Yenny Lidya Vivian Fenny Melinda Jessica Cindy Agnes Mira Tjhin",
        "Tanoto Halim Salim Tanujaya Tjandra Lie Tan Lim Oei Tjhai Liem Gozali Tanjaya Sutanto Widjaja "
        "Chandra Lukito Sugiharto Wibisono Suryadjaya Wonowidjojo Prayogo Kumala Dharmawan Tirtawijaya "
        "Soetanto Harjanto Tedja Kurniawan Hartono Gunawan Sanjaya Setiadi Wijaya Lukman",
    ),
    "arab": (
        "Ahmad Muhammad Abdullah Hasan Husein Umar Salim Said Fuad Fahmi Zainal Anies Alwi Idrus Mustafa "
        "Hamid Rasyid Faisal Jamal Nabil Segaf Thoriq Yasin Hilmi Haidar Bagir Luthfi Muhsin Abdurrahman "
        "Fikri Khalid Aqil Farid Ridho Zaki Muchsin Hafidz Sholeh",
        "Fatimah Aisyah Khadijah Zahra Maryam Salma Nabila Rahma Nurul Hafsah Amina Siti Zulaikha Halimah "
        "Rukayah",
        "Alhabsyi Assegaf Alatas Alaydrus Bahasuan Baswedan Shahab Alkaff Aljufri Alhamid Bawazier Basalamah "
        "Bajri Baadilla Alaidid Bafadhal Bamualim Alkatiri Bahalwan Baraja Mubarak Alhadar Barakbah Bahmid "
        "Abdat Balfas Bachmid Alqadri Bafagih Syihab Assagaf Alhinduan Bin-Syech Mahdali Alamudi Attamimi",
    ),
}

#: Chinese syllables for three-part names ("Tjhai Chui Mie", "Bong Ming Ming").
_HAN_SYLLABLES = "Chui Mie Kiat Ming Hok Lian Siong Fong Kim Hwa Bun Tek Jin Hui Lan Sen Kong Bing Tjoe Wan".split()
_HAN_FAMILIES = "Tjhai Bong Lie Tan Lim Oei Liem Kwee Thio Gouw Ong Njoo Tjong".split()

#: Naming traditions by province code: (tradition, weight).
_MIX: dict[str, tuple[tuple[str, float], ...]] = {}


def _mix(codes: str, spec: str) -> None:
    parsed = tuple((k, float(v)) for k, v in (item.split(":") for item in spec.split()))
    for code in codes.split():
        _MIX[code] = parsed


_mix("11", "aceh:65 arab:10 jawa:12 batak:5 minang:5 tionghoa:3")
_mix("12", "batak:55 jawa:18 minang:7 tionghoa:8 aceh:4 arab:4 sunda:4")
_mix("13", "minang:78 jawa:8 batak:5 arab:5 tionghoa:2 sunda:2")
_mix("14 15 21", "minang:30 jawa:28 batak:12 arab:10 tionghoa:10 bugis:5 sunda:5")
_mix("16 17", "jawa:35 minang:20 sunda:10 arab:15 batak:8 tionghoa:7 bugis:5")
_mix("18", "jawa:50 sunda:18 minang:10 arab:10 bali:4 tionghoa:4 batak:4")
_mix("19", "tionghoa:25 jawa:25 minang:15 bugis:15 arab:10 sunda:10")
_mix("31", "jawa:32 sunda:18 batak:12 tionghoa:12 arab:10 minang:10 bugis:3 timur:3")
_mix("36", "sunda:50 jawa:25 arab:12 tionghoa:5 batak:4 minang:4")
_mix("32", "sunda:75 jawa:10 arab:6 tionghoa:4 batak:3 minang:2")
_mix("33 34 35", "jawa:86 arab:6 tionghoa:4 sunda:4")
_mix("51", "bali:88 jawa:8 sasak:2 tionghoa:2")
_mix("52", "sasak:62 arab:14 jawa:8 bali:8 bugis:8")
_mix("53", "timur:80 jawa:6 bugis:6 arab:4 bali:4")
_mix("61", "tionghoa:22 jawa:22 bugis:15 arab:12 timur:15 minang:7 sunda:7")
_mix("62 63 64 65", "jawa:35 bugis:25 arab:15 timur:10 tionghoa:6 sunda:5 minang:4")
_mix("71", "timur:82 jawa:6 arab:6 tionghoa:6")
_mix("72 74 76 73", "bugis:70 jawa:12 arab:8 timur:6 bali:4")
_mix("75", "arab:40 bugis:35 jawa:20 timur:5")
_mix("81 82", "timur:55 arab:25 bugis:15 jawa:5")
_mix("91 92 93 94 95 96", "papua:68 jawa:12 bugis:8 timur:8 arab:4")

#: Provinces where "H." / "Hj." (the hajj honorific) is common in news.
_MUSLIM = frozenset("11 12 13 14 15 16 17 18 19 21 31 32 33 34 35 36 52 61 62 63 64 65 72 73 74 75 76".split())

_BALI_ORDER_M = "Wayan Made Nyoman Ketut Putu Gede Kadek Komang".split()
_BALI_ORDER_F = "Luh Made Wayan Nyoman Ketut Putu Kadek Komang".split()
_BALI_NOBLE_M = ["Anak Agung Gede", "I Gusti Ngurah", "Ida Bagus", "Cokorda Gede", "I Gusti Agung"]
_BALI_NOBLE_F = ["Anak Agung Ayu", "I Gusti Ayu", "Ida Ayu", "Desak Made"]

_COMMON_DEGREES = (
    "S.H. M.H. S.E. M.M. S.Sos. M.Si. S.Pd. M.Pd. S.T. M.T. S.IP. M.AP. S.STP. M.Kes. S.Kom. M.Ak. S.Ag. "
    "M.Ag. S.P. M.P. S.Hut. S.Pi. M.A. S.KM. M.KM. M.Eng. S.Sos.I. S.Pd.I. Lc. M.Sc. Ph.D."
).split()

# --------------------------------------------------------------------------- prose word lists

_ACTORS = (
    "warga setempat|para pedagang pasar|kelompok tani|sejumlah pelajar|tim gabungan|petugas kebersihan|"
    "masyarakat|pelaku UMKM|para nelayan|ratusan peserta|aparatur desa|tenaga kesehatan|guru honorer|"
    "pengemudi ojek daring|komunitas pemuda|relawan|kader posyandu|penyuluh pertanian|pengurus koperasi|"
    "perangkat desa|pengelola destinasi wisata|pelajar SMA|mahasiswa KKN|ibu-ibu PKK|tokoh agama|tokoh adat|"
    "tokoh masyarakat|pengusaha lokal|kontraktor pelaksana|tim verifikasi|panitia pelaksana|"
    "penyelenggara pemilu|petugas medis|personel gabungan|anggota dewan|jajaran OPD|aparatur sipil negara|"
    "pegawai honorer|tenaga pendamping|para camat|para kepala desa|pengurus masjid|jemaat gereja|"
    "pemuda karang taruna|pengrajin tenun|petani sawit|petani karet|peternak sapi|pembudidaya ikan|"
    "buruh pabrik|sopir angkutan umum|penyandang disabilitas|warga lanjut usia|siswa sekolah dasar|"
    "orang tua murid|pengunjung|wisatawan domestik|calon jemaah haji|penerima manfaat|keluarga penerima manfaat|"
    "petugas pemadam kebakaran|anggota linmas|penjual sayur|pemilik warung|pengelola pondok pesantren|"
    "santri|bidan desa|perawat|dokter spesialis|operator sekolah|pendamping PKH|pekerja migran|"
    "petani hortikultura|petani garam|pengrajin gerabah|pelaku usaha kuliner|juru parkir|sopir truk|"
    "warga bantaran sungai|pengungsi|korban banjir|pemilih pemula|saksi pasangan calon|petugas KPPS"
).split("|")

_VERBS = (
    "menyelesaikan mempercepat mengusulkan membahas menindaklanjuti mengevaluasi menyalurkan memperbaiki "
    "membangun merehabilitasi mengoptimalkan menertibkan memverifikasi mendata menyosialisasikan mengawasi "
    "meninjau mendistribusikan menganggarkan merampungkan menuntaskan mengembangkan memperkuat meningkatkan "
    "memperluas menata menggencarkan mengintensifkan memantau menginventarisasi menyiapkan menyusun merevisi "
    "mengesahkan mengalokasikan memfasilitasi mendampingi mengerjakan melanjutkan melaksanakan menggelar "
    "menyelenggarakan mengkaji menelusuri mengidentifikasi memetakan menyerahkan mengajukan mempersiapkan "
    "mengoordinasikan mengintegrasikan merealisasikan memprioritaskan membenahi memulihkan mengamankan "
    "menormalisasi mengeruk melebarkan mengaspal membersihkan menanam memanen mengolah memasarkan "
    "memproduksi mengekspor mendorong menggerakkan membina melatih membimbing merekrut menyeleksi menetapkan "
    "menargetkan mencatat melaporkan mencairkan membayarkan mengucurkan menggelontorkan mengampanyekan "
    "mengawal menjamin menyediakan menambah mengurangi menekan menurunkan mengendalikan menstabilkan "
    "menghidupkan menggiatkan menjajaki menggandeng melibatkan mengakomodasi menampung merelokasi "
    "membebaskan mensertifikasi mendaftarkan mengarsipkan memutakhirkan mengintervensi mengaudit"
).split()

_PASSIVE = (
    "dibangun diperbaiki direhabilitasi disalurkan didata diverifikasi dievaluasi dianggarkan dirampungkan "
    "ditargetkan dilaksanakan digelar diselenggarakan dikerjakan dilanjutkan disiapkan disusun disahkan "
    "dialokasikan difasilitasi diserahkan diajukan diprioritaskan dibenahi dipulihkan dinormalisasi "
    "dikeruk dilebarkan diaspal dibersihkan ditanam dipanen diolah dipasarkan diproduksi dicairkan "
    "dibayarkan dikucurkan diawasi dipantau diinventarisasi ditertibkan direlokasi disertifikasi "
    "dimutakhirkan diaudit diresmikan dioperasikan difungsikan dimanfaatkan"
).split()

_HEADS = (
    "pembangunan rehabilitasi perbaikan pengadaan penyaluran pendataan penanganan revitalisasi peningkatan "
    "penataan pemeliharaan pengembangan pengelolaan pengawasan penyusunan pelaksanaan optimalisasi "
    "digitalisasi penguatan percepatan pemerataan penertiban normalisasi pembersihan distribusi verifikasi "
    "evaluasi sertifikasi inventarisasi pemutakhiran perluasan pemanfaatan penyediaan pembenahan"
).split()

_THINGS = (
    "jalan kabupaten|jalan usaha tani|jembatan gantung|saluran irigasi|drainase perkotaan|gedung sekolah dasar|"
    "puskesmas pembantu|pasar tradisional|rumah tidak layak huni|sarana air bersih|"
    "tempat pembuangan sampah sementara|lampu penerangan jalan umum|terminal angkutan|pelabuhan rakyat|"
    "tanggul sungai|talud penahan tanah|embung desa|sumur bor|jaringan pipa distribusi|ruang terbuka hijau|"
    "taman kota|gelanggang olahraga|balai desa|kantor kecamatan|rumah sakit umum daerah|posyandu|pos kamling|"
    "perpustakaan desa|sistem informasi desa|layanan administrasi kependudukan|aplikasi pelayanan publik|"
    "data terpadu kesejahteraan sosial|bantuan pangan beras|bantuan langsung tunai dana desa|pupuk bersubsidi|"
    "benih padi unggul|bibit kopi|alat mesin pertanian|kapal nelayan|kartu tani|beasiswa pendidikan|"
    "seragam sekolah gratis|makan bergizi gratis|tambahan penghasilan pegawai|insentif guru mengaji|"
    "jaminan kesehatan nasional|kawasan kumuh|pedagang kaki lima|bangunan liar|reklame tanpa izin|hewan ternak|"
    "lahan kritis|hutan mangrove|daerah aliran sungai|objek wisata alam|desa wisata|produk unggulan daerah|"
    "koperasi desa|badan usaha milik desa|pendapatan asli daerah|pajak bumi dan bangunan|retribusi parkir|"
    "aset daerah|arsip daerah|dokumen perencanaan|rencana pembangunan jangka menengah daerah|"
    "anggaran pendapatan dan belanja daerah|kebijakan umum anggaran|laporan keuangan daerah|"
    "indeks pembangunan manusia|angka stunting|angka kemiskinan ekstrem|angka putus sekolah|inflasi daerah|"
    "stok bahan pokok|harga cabai rawit|harga beras medium|ketersediaan gas elpiji|antrean bahan bakar minyak|"
    "kualitas udara|sampah plastik|limbah medis|kasus demam berdarah|cakupan imunisasi|vaksinasi ternak|"
    "penyakit mulut dan kuku|rabies|tuberkulosis|gizi buruk|sanitasi total berbasis masyarakat|jamban sehat|"
    "sambungan rumah air minum|jaringan internet desa|menara telekomunikasi|sinyal seluler|"
    "transportasi sekolah|angkutan pedesaan|kendaraan dinas|rumah dinas|gedung dewan|masjid agung|alun-alun|"
    "stadion mini|pasar ikan higienis|tempat pelelangan ikan|sentra kuliner|kampung batik|kampung tematik|"
    "bank sampah|lumbung pangan|cadangan pangan pemerintah|lahan pertanian pangan berkelanjutan|"
    "sawah tadah hujan|kebun bibit desa|pusat layanan terpadu|mal pelayanan publik|"
    "sistem pemerintahan berbasis elektronik|pelayanan perizinan berusaha|investasi daerah|kawasan industri|"
    "bandar udara perintis|jalan lingkar|jalur evakuasi|rambu peringatan dini|sirene tsunami|logistik bencana|"
    "hunian sementara|dapur umum|tenda pengungsian|ruang kelas baru|laboratorium komputer|asrama siswa|"
    "rumah singgah pasien|ambulans desa|klinik pratama|instalasi pengolahan air limbah|tempat pengolahan sampah|"
    "jaringan listrik desa|pembangkit listrik tenaga surya|jalan poros desa|gorong-gorong|dermaga penyeberangan|"
    "kebun raya daerah|cagar budaya|museum daerah|sanggar seni|gedung kesenian|pusat oleh-oleh|"
    "kios pasar|los pedagang|rumah potong hewan|pasar hewan|balai benih ikan|tambak udang|keramba jaring apung|"
    "hutan kota|taman bermain anak|trotoar|jalur sepeda|halte bus|parkir elektronik|kamera pengawas lalu lintas"
).split("|")

_PURPOSES = (
    "meningkatkan kesejahteraan masyarakat|menekan angka kemiskinan|mendukung ketahanan pangan|"
    "mempercepat penurunan stunting|memperlancar arus barang|mengurangi risiko banjir|"
    "meningkatkan kualitas pelayanan publik|mendongkrak pendapatan asli daerah|menarik minat investor|"
    "mendorong pertumbuhan ekonomi|menjaga stabilitas harga|menciptakan lapangan kerja|"
    "mencegah penyebaran penyakit|memperkuat kerukunan umat beragama|menjaga kondusivitas wilayah|"
    "menyukseskan pesta demokrasi|meningkatkan partisipasi pemilih|mewujudkan tata kelola pemerintahan yang bersih|"
    "memenuhi standar pelayanan minimal|mengurangi ketimpangan antarwilayah|memulihkan perekonomian warga|"
    "mengantisipasi cuaca ekstrem|melindungi lahan pertanian|menjamin ketersediaan air bersih|"
    "membuka akses daerah terisolasi|menekan angka kecelakaan|memberantas peredaran narkoba|"
    "mencegah perkawinan anak|meningkatkan minat baca|melestarikan budaya daerah|menggerakkan ekonomi desa|"
    "mengurangi pengangguran terbuka|memperbaiki kualitas lingkungan|mempercepat transformasi digital|"
    "meningkatkan produktivitas petani|memperluas pasar produk lokal|menjaga netralitas ASN"
).split("|")

_FUNDS = (
    "APBD|APBD Perubahan|APBN|Dana Alokasi Khusus|Dana Alokasi Umum|dana desa|alokasi dana desa|"
    "bantuan keuangan provinsi|dana bagi hasil|dana insentif fiskal|dana tanggung jawab sosial perusahaan|"
    "dana hibah|pinjaman daerah|Dana Bagi Hasil Cukai Hasil Tembakau|dana otonomi khusus|belanja tidak terduga"
).split("|")

_UNITS = (
    "unit|paket|ton|kilogram|liter|kilometer|meter|hektare|kepala keluarga|orang|warga|siswa|pelajar|guru|"
    "petani|nelayan|pedagang|ekor|batang|titik|lokasi|sekolah|rumah|desa|kelurahan|dokumen|berkas|"
    "pelanggan|peserta|personel|kendaraan|armada|sambungan|bibit|karung|paket sembako|lembar|set|bidang"
).split("|")

_ADVERBS = (
    "secara bertahap|secara menyeluruh|secara berkelanjutan|secara serentak|secara transparan|lebih optimal|"
    "lebih cepat|tepat sasaran|tepat waktu|sesuai ketentuan|sesuai jadwal|tanpa pungutan biaya|secara daring|"
    "secara tatap muka|secara swakelola|melalui katalog elektronik|dengan melibatkan masyarakat|"
    "secara terpadu|secara kolaboratif|dengan pengawasan ketat|sesuai petunjuk teknis|secara gotong royong"
).split("|")

_CONNECTORS = (
    "Selain itu,|Sementara itu,|Di sisi lain,|Sebelumnya,|Hingga kini,|Dalam kesempatan itu,|Lebih lanjut,|"
    "Pada tahun ini,|Tahun lalu,|Sejauh ini,|Oleh karena itu,|Untuk itu,|Meski demikian,|Namun,|"
    "Dengan demikian,|Di tempat terpisah,|Dalam waktu dekat,|Ke depan,|Pada kesempatan yang sama,|"
    "Sejak awal tahun,|Menjelang akhir tahun,|Berdasarkan hasil evaluasi,|Sesuai rencana,|Pada pekan lalu,"
).split("|")

_STATES = (
    "berjalan lancar|masih berlangsung|hampir rampung|sudah mencapai tahap akhir|terkendala cuaca|"
    "tertunda karena proses lelang|mendapat sambutan positif|menjadi perhatian serius|masih dalam kajian|"
    "ditargetkan selesai akhir tahun|menunjukkan tren positif|belum sepenuhnya optimal|terus meningkat|"
    "cenderung menurun|relatif stabil|menjadi prioritas utama|dinilai cukup berhasil|masih menyisakan persoalan"
).split("|")

_QUOTE_OPENERS = (
    "Kami berkomitmen menuntaskan|Kami terus mendorong|Pemerintah daerah akan memastikan|"
    "Kita harus bersama-sama mengawal|Saya minta seluruh perangkat daerah mempercepat|"
    "Tidak boleh ada lagi keterlambatan dalam|Target kami tahun ini adalah|"
    "Kami berharap masyarakat ikut mendukung|Insyaallah tahun depan kita lanjutkan|"
    "Ini bukti keseriusan pemerintah dalam|Kami sudah berkoordinasi dengan pemerintah provinsi terkait|"
    "Prinsipnya kami siap mendukung|Yang paling penting adalah|Kami akan mengevaluasi|"
    "Alhamdulillah, tahun ini sudah ada kemajuan dalam|Jangan sampai ada warga yang dirugikan dalam|"
    "Kami mengajak semua pihak terlibat dalam|Saya tegaskan, tidak ada toleransi dalam|"
    "Ke depan kami fokus pada|Sudah menjadi kewajiban kita untuk memperhatikan|"
    "Kami mohon dukungan dewan untuk|Mudah-mudahan program ini mempercepat|Kami sudah menyiapkan anggaran untuk"
).split("|")

_QUOTE_TAILS = (
    "Semua harus bekerja sama|Ini untuk kepentingan masyarakat|Kami tidak ingin ada keluhan lagi|"
    "Semua sudah kami siapkan|Mohon doa dan dukungannya|Itu komitmen kami|Kami akan terus pantau|"
    "Hasilnya akan kami laporkan|Masyarakat bisa langsung merasakan manfaatnya|Tidak ada yang dipersulit|"
    "Kami buka ruang bagi masukan warga|Evaluasi dilakukan setiap bulan|Prosesnya transparan"
).split("|")

_PROGRAM_A = (
    "Gerakan Gerbang Satu Bangga Sapa Jaga Bina Gema Sigap Bangkit Maju Cerdas Sehat Tuntas Lentera Pelita "
    "Cahaya Harmoni Sinergi Mandiri Berkah Tangguh Bersatu Emas Tunas Sahabat Nusantara Rumah Kampung"
).split()
_PROGRAM_B = (
    "Desa Warga Petani Nelayan Pemuda Perempuan Anak Keluarga Sekolah Pasar Kampung Lansia Guru Santri Umat "
    "Tani Bahari Pesisir Hijau Digital Pangan Air Sehat Pintar"
).split()
_PROGRAM_C = (
    "Sejahtera Mandiri Berdaya Cerdas Bersih Produktif Berkelanjutan Tangguh Berseri Terpadu Bermartabat "
    "Beriman Maju Sehat Aman Peduli Inovatif Berbudaya Unggul Madani Lestari Makmur"
).split()

_VILLAGE_A = (
    "Suka Karang Tanjung Sido Mekar Sumber Teluk Pasir Bukit Lubuk Sungai Padang Talang Bojong Cikal Wono "
    "Ranca Cipta Lembah Kampung Tegal Ngalam Kebon Pulo Muara Ujung Rawa Sindang Gunung Pondok Jati Tirta "
    "Kuala Simpang Panca Harapan Tunas Cinta Bina Damar Kayu Sari Lereng Pangkalan Parit"
).split()
_VILLAGE_B = (
    "maju jaya makmur rejo harjo mulya sari asih baru indah raya agung tengah wangi mukti luhur kencana "
    "asri harapan permai bakti rahayu makarti subur damai lestari tani mandiri sejati mekar mulyo utama "
    "kerto wetan kulon lor kidul"
).split()
_STREETS = (
    "Ahmad Yani|Sudirman|Diponegoro|Gatot Subroto|Pahlawan|Merdeka|Veteran|Pemuda|Sisingamangaraja|"
    "Hasanuddin|Imam Bonjol|Pattimura|Teuku Umar|Gajah Mada|Hayam Wuruk|Kartini|Cut Nyak Dhien|Dewi Sartika|"
    "Ki Hajar Dewantara|Sam Ratulangi|Yos Sudarso|Juanda|Trunojoyo|Basuki Rahmat|Urip Sumoharjo|Slamet Riyadi|"
    "Lintas Sumatera|Trans Sulawesi|Poros Provinsi|Lingkar Selatan|Raya Utama|Pelabuhan|Bandara|Perintis"
).split("|")

#: Verb roots, inflected by :func:`_inflect` into the forms news uses (meN-, di-, -kan, -i, peN-an, ke-an).
_ROOTS = (
    "bangun bantu baca bayar beli bentuk buat buka catat cari cegah cetak dorong dukung gali ganti gelar gerak "
    "hitung hadir hapus ikut isi jaga jamin jual kaji kawal kelola kembang kirim kumpul kurang lapor latih "
    "layan lindung lihat muat olah pantau pasang pelihara periksa pimpin pindah pulih rawat rekam rencana "
    "salur sebar sedia serah siap simpan sita susun tanam tata tawar tentu terap tertib tinjau tolak tulis "
    "tunda tunjuk ubah uji ukur ulang undang urus usul awas atur angkat ajar ambil dengar didik daftar edar "
    "gabung garap geser hubung hias ikat jabat jemput jangkau kejar kenal kerja kuat lanjut lepas libat luas "
    "masuk nilai pakai panggil pasar pegang pilih potong proses putus rangkul rintis rumus selesai sentuh sewa "
    "sokong sumbang tagih takar tambah tampung tangkap tarik tebang tekan temu terima tinggal tukar turun "
    "tutup urai wujud alir anjur arah asuh bagi bahas balik banding bangkit batas bela bersih bina bongkar "
    "capai cair cocok damping data desain didik duduk ekspos evaluasi fasilitas gagas gelontor giat guna "
    "hadap hemat himpun ingat integrasi jadwal jalin kaitkan kemas kendali koordinasi kucur lantik lengkap "
    "lestari lolos lunas mudah nikmat normal operasi optimal padu panen pelajari perbaiki percepat perkuat "
    "perluas pertahan promosi rasa rawan rehab rekomendasi relokasi renovasi resmi revisi rombak rujuk sadar "
    "sahkan saring sasar sebut segel sejahtera serap siar sinergi sosialisasi stabil suplai survei tampil "
    "tanggap tangani tegas terbit timbang tindak titip tuntas verifikasi"
).split()

_DAYS = "Senin Selasa Rabu Kamis Jumat Sabtu Minggu".split()
_MONTHS = "Januari Februari Maret April Mei Juni Juli Agustus September Oktober November Desember".split()
_ORDINALS = "pertama kedua ketiga keempat".split()
_AGENCIES = ("ANTARA", "ANTARA", "ANTARA", "InfoPublik", "KBRN", "Humas", "RRI")

_TITLE_VERBS = (
    "resmikan|tinjau|minta|dorong|targetkan|buka|serahkan|lantik|apresiasi|pastikan|siapkan|evaluasi|"
    "percepat|luncurkan|imbau|kukuhkan|canangkan|dukung|sosialisasikan|bahas|gelar|salurkan|tertibkan|perkuat"
).split("|")


_COMMODITIES = (
    "beras medium|beras premium|jagung pipil|kedelai|cengkih|pala|kakao|vanili|nilam|porang|kopi arabika|"
    "kopi robusta|lada putih|kelapa sawit|tandan buah segar|karet lembaran|bawang merah|bawang putih|"
    "cabai merah keriting|cabai rawit|tomat|kangkung|bayam|kol|wortel|kentang|ubi kayu|ubi jalar|talas|sagu|"
    "bandeng|kerapu|tuna|cakalang|tongkol|rumput laut|udang vaname|lele|nila|gurami|patin|cumi-cumi|"
    "kepiting bakau|teripang|daging sapi|daging ayam ras|telur ayam ras|ayam kampung|itik|kambing|minyak goreng|"
    "gula pasir|tepung terigu|garam beryodium|kemiri|kayu manis|jahe merah|kunyit|serai|durian|manggis|"
    "rambutan|salak pondoh|jeruk siam|mangga arumanis|pisang kepok|nanas|semangka|melon|alpukat|kelapa muda|"
    "gabah kering panen|gabah kering giling|pupuk urea|pupuk NPK|solar|pertalite|elpiji tiga kilogram"
).split("|")
_QUALIFIERS = (
    "tahap pertama|tahap kedua|tahap lanjutan|skala desa|skala kecamatan|skala kabupaten|berbasis masyarakat|"
    "berbasis digital|terintegrasi|ramah lingkungan|ramah anak|ramah disabilitas|berstandar nasional|"
    "di wilayah perbatasan|di daerah pesisir|di daerah pegunungan|di kawasan perkotaan|di kawasan transmigrasi|"
    "milik pemerintah daerah|hasil swadaya warga|yang rusak berat|yang sempat terbengkalai|yang baru selesai"
).split("|")

_COMPANY_A = "Sinar Karya Bumi Cahaya Mitra Putra Tunas Graha Citra Mega Surya Anugerah Berkah Multi Prima".split()
_COMPANY_B = "Jaya Abadi Mandiri Sejahtera Perkasa Utama Lestari Makmur Sentosa Gemilang Konstruksi Persada".split()
_COMPANY_C = "Nusantara Indonesia Sakti Raya Mulia Bersama Teknik Engineering Kencana Bahari Agro".split()


def _inflect(root: str) -> list[str]:
    """The usual affixed forms of an Indonesian verb root, by the nasal rules of meN- and peN-."""
    vowels = "aiueo"
    cluster = len(root) > 1 and root[1] not in vowels
    c = root[0]
    if c in vowels or c in "gh":
        nasal, stem = "ng", root
    elif c == "k" and not cluster:
        nasal, stem = "ng", "" + root[1:]
    elif c in "bfv" or (c == "p" and cluster):
        nasal, stem = "m", root
    elif c == "p":
        nasal, stem = "m", root[1:]
    elif c == "t" and not cluster:
        nasal, stem = "n", root[1:]
    elif c == "s" and not cluster:
        nasal, stem = "ny", root[1:]
    elif c in "dcjzts":
        nasal, stem = "n", root
    else:
        nasal, stem = "", root
    me, pe = "me" + nasal + stem, "pe" + nasal + stem
    forms = [me, me + "kan", "di" + root, "di" + root + "kan", pe + "an", pe + "annya", "ke" + root + "an"]
    forms.append(("be" if root.startswith("r") else "ber") + root)
    if root[-1] not in vowels:
        forms += [me + "i", "di" + root + "i", "ter" + root]
    return forms


# --------------------------------------------------------------------------- lexicon-derived tables


@dataclass(frozen=True, slots=True)
class _Region:
    code: str
    kind: str  # "regency" or "city"
    name: str  # bare name ("Gowa")
    province: str  # province code
    province_name: str


@dataclass(frozen=True, slots=True)
class _Post:
    """A post in a region: how it is written and how long its holder stays."""

    key: str
    titles: tuple[str, ...]  # ways to write the title, before the region ("Kepala Dinas Kesehatan", "Kadinkes")
    org: str  # the institution written with the region ("Dinas Kesehatan"), or "" for the region head
    weight: float
    female: float  # probability the holder is a woman
    term: int  # years a holder stays (elected heads: special-cased)
    style: str  # "civil", "police", "army", "doctor", "head"
    needs_kab: bool = True  # write the region with its kind word ("Kabupaten Gowa")


@dataclass(frozen=True, slots=True)
class _Person:
    full: str  # with honorifics and degrees: "H. Andi Rahmat Sulaiman, S.H., M.Si."
    name: str  # the bare name: "Andi Rahmat Sulaiman"
    short: str  # how later sentences refer to the person: "Rahmat"
    female: bool


def _split(text: str) -> list[str]:
    return text.split()


@functools.cache
def _tables() -> dict[str, object]:
    """Everything derived from kgraph's lexicons, computed once per process."""
    regions = reg_lex.regions()
    prov_names = {r.code: r.name for r in regions if r.kind == "province"}
    local = [
        _Region(r.code, r.kind, r.name, r.province, prov_names[r.province]) for r in regions if r.kind != "province"
    ]
    bare = set(reg_lex.bare_forms())
    stop = names_lex.name_stop()
    title_keys = set(title_lex.titles())

    def ok_name(word: str) -> bool:
        low = word.lower()
        return low not in stop and reg_lex.normalize(word) not in bare and low not in title_keys

    pools: dict[str, tuple[list[str], list[str], list[str]]] = {}
    for trad, (male, female, family) in _POOLS.items():
        pools[trad] = (
            [w for w in _split(male) if ok_name(w)],
            [w for w in _split(female) if ok_name(w)],
            [w for w in _split(family) if ok_name(w)],
        )

    triggers = ev_lex.event_triggers()
    by_kind: dict[str, list[str]] = {}
    for trig, et in triggers.items():
        by_kind.setdefault(et.kind, []).append(trig)
    for kind in by_kind:
        by_kind[kind].sort()

    speech = speech_lex.speech_verbs() if hasattr(speech_lex, "speech_verbs") else {}
    before = sorted(k for k, v in speech.items() if _verb_kind(v) == "before" and " " not in k and k.isalpha())
    pronoun = sorted(k for k, v in speech.items() if _verb_kind(v) == "pronoun" and k.endswith("nya"))
    after = sorted(k for k, v in speech.items() if _verb_kind(v) == "after")
    # plain forms that read well in every quote
    before = [v for v in before if v in _GOOD_BEFORE] or list(_GOOD_BEFORE)
    pronoun = [v for v in pronoun if v[:-3] in _GOOD_BEFORE] or [v + "nya" for v in _GOOD_BEFORE]
    after = [v for v in after if v in _GOOD_AFTER] or list(_GOOD_AFTER)

    acting = title_lex.acting_markers()
    if not {"pj", "plt"} <= set(acting):
        raise RuntimeError("the acting markers Pj and Plt are missing from kgraph's title lexicon")
    degrees_ok = {d for d in _COMMON_DEGREES if hon_lex.is_degree(d)} or set(_COMMON_DEGREES)
    degrees_all = sorted(
        line
        for line in _read_lexicon_lines("degrees.txt")
        if hon_lex.is_degree(line) and line.startswith(("S.", "M.")) and " " not in line
    )

    villages = _village_pool(bare, stop)
    inflected = sorted({form for root in _ROOTS for form in _inflect(root)})
    verbs = sorted({f for f in inflected if f.startswith("me")})
    lexicon = _lexicon(set(triggers) | title_keys | bare | set(stop))
    return {
        "lexicon": lexicon,
        "verbs": verbs,
        "inflected": inflected,
        "regions": local,
        "pools": pools,
        "events": by_kind,
        "before": before,
        "pronoun": pronoun,
        "after": after,
        "degrees": sorted(degrees_ok),
        "degrees_all": degrees_all or sorted(degrees_ok),
        "posts": _posts(),
        "villages": villages,
    }


_GOOD_BEFORE = ("kata", "ujar", "ucap", "ungkap", "tegas", "jelas", "tutur", "terang", "tambah", "imbuh", "lanjut")
_GOOD_AFTER = ("mengatakan", "menjelaskan", "mengungkapkan", "menegaskan", "menyampaikan", "menuturkan")


def _verb_kind(value: object) -> str:
    """The position of a speech verb, whatever shape :mod:`speech_verbs` gives it."""
    if isinstance(value, str):
        return value
    for attr in ("position", "kind", "where"):
        if hasattr(value, attr):
            return str(getattr(value, attr))
    return ""


def _read_lexicon_lines(name: str) -> list[str]:
    from importlib import resources

    raw = resources.files("kgraph.lang.id").joinpath("data", name).read_text(encoding="utf-8")
    return [line.strip() for line in raw.splitlines() if line.strip() and not line.startswith("#")]


def _lexicon(exclude: set[str]) -> list[str]:
    """A large seeded list of lowercase Indonesian word forms, most frequent first (for Zipf draws).

    The words are spaCy's own Indonesian data (the halves of the reduplicated
    and hyphenated words of ``spacy.lang.id``'s tokenizer exceptions, and those
    words themselves) and their affixed forms by :func:`_inflect`: real text
    keeps meeting words it has not seen, and so must a benchmark corpus.
    """
    try:
        from spacy.lang.id._tokenizer_exceptions_list import ID_BASE_EXCEPTIONS
    except ImportError:  # a spaCy without the list: fall back on the roots above
        ID_BASE_EXCEPTIONS = set()
    whole = {w.lower() for w in ID_BASE_EXCEPTIONS if w.count("-") == 1 and w.replace("-", "").isalpha()}
    parts = {p for w in whole for p in w.split("-") if len(p) > 3}
    parts.update(_ROOTS)
    forms = set(parts) | whole
    for p in sorted(parts):
        if p.isalpha() and p[:2] not in ("me", "di", "be", "pe", "te", "ke"):
            forms.update(_inflect(p))
    words = sorted(w for w in forms if w not in exclude and len(w) > 2)
    random.Random("kgraph-corpus-lexicon").shuffle(words)
    return words


def _village_pool(bare: set[str], stop: frozenset[str]) -> list[str]:
    """Village and district names ("Sukamaju", "Tanjung Harapan") that are no region name."""
    out = []
    for a in _VILLAGE_A:
        for b in _VILLAGE_B:
            fused = a + b
            spaced = f"{a} {b.capitalize()}"
            for name in (fused, spaced):
                key = reg_lex.normalize(name)
                if key not in bare and not any(w.lower() in stop for w in name.split()):
                    out.append(name)
    return out


def _posts() -> list[_Post]:
    """The posts of a regency or city, from the title and institution lexicons."""
    titles = title_lex.titles()
    regional = {i.name: i for i in inst_lex.institutions() if i.scope == "regional" and not i.party}
    fused: dict[str, list[str]] = {}
    for t in titles.values():
        if t.org and t.org != title_lex.TAKES_ORG and t.place in ("region", "regency", "city"):
            fused.setdefault(t.org, []).append(t.form)
    posts = [
        _Post("head", ("{head}",), "", 14.0, 0.12, 5, "head", needs_kab=False),
        _Post("deputy", ("Wakil {head}",), "", 5.0, 0.18, 5, "head", needs_kab=False),
        _Post("sekda", ("Sekretaris Daerah (Sekda)", "Sekda", "Sekretaris Daerah"), "", 5.0, 0.12, 4, "civil"),
        _Post("dprd", ("Ketua DPRD",), "DPRD", 4.0, 0.15, 5, "civil", needs_kab=False),
        _Post("dprd2", ("Wakil Ketua DPRD",), "DPRD", 1.5, 0.2, 5, "civil", needs_kab=False),
        _Post("pkk", ("Ketua TP PKK", "Ketua Tim Penggerak PKK"), "PKK", 1.5, 1.0, 5, "civil"),
        _Post("kapolres", ("Kapolres",), "Polres", 4.0, 0.03, 2, "police", needs_kab=False),
        _Post("kasatreskrim", ("Kasat Reskrim Polres",), "Polres", 1.5, 0.05, 2, "police_low", needs_kab=False),
        _Post("kasatlantas", ("Kasat Lantas Polres",), "Polres", 1.0, 0.08, 2, "police_low", needs_kab=False),
        _Post("dandim", ("Dandim",), "Kodim", 2.0, 0.0, 2, "army", needs_kab=False),
        _Post("kajari", ("Kepala Kejaksaan Negeri (Kajari)", "Kajari"), "Kejari", 2.0, 0.12, 2, "civil"),
        _Post("kpu", ("Ketua KPU",), "KPU", 2.0, 0.2, 5, "civil"),
        _Post("bawaslu", ("Ketua Bawaslu",), "Bawaslu", 1.5, 0.2, 5, "civil"),
        _Post("rsud", ("Direktur RSUD",), "RSUD", 1.0, 0.4, 3, "doctor"),
        _Post("kemenag", ("Kepala Kantor Kemenag",), "Kemenag", 1.0, 0.1, 3, "civil"),
        _Post("satpol", ("Kepala Satpol PP", "Kasatpol PP"), "Satpol PP", 1.2, 0.05, 3, "civil"),
        _Post("bpbd", ("Kepala Pelaksana BPBD", "Kalaksa BPBD", "Kepala BPBD"), "BPBD", 2.0, 0.1, 3, "civil"),
        _Post("inspektur", ("Inspektur",), "Inspektorat", 0.6, 0.25, 3, "civil"),
        _Post("pn", ("Ketua Pengadilan Negeri",), "PN", 0.5, 0.3, 3, "civil"),
    ]
    # Heads of dinas and badan, with the fused short titles the lexicon knows.
    wanted = (
        "Dinas Pendidikan|Dinas Kesehatan|Dinas Sosial|Dinas Perhubungan|Dinas Pertanian|Dinas Perikanan|"
        "Dinas Pekerjaan Umum dan Penataan Ruang|Dinas Lingkungan Hidup|Dinas Pariwisata|"
        "Dinas Kependudukan dan Pencatatan Sipil|Dinas Komunikasi dan Informatika|Dinas Perdagangan|"
        "Dinas Tenaga Kerja|Dinas Pemuda dan Olahraga|Dinas Ketahanan Pangan|Dinas Perumahan dan Kawasan Permukiman|"
        "Dinas Pemberdayaan Masyarakat dan Desa|Dinas Pemberdayaan Perempuan dan Perlindungan Anak|"
        "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu|Dinas Koperasi, Usaha Kecil dan Menengah|"
        "Dinas Kearsipan dan Perpustakaan|Dinas Pengendalian Penduduk dan Keluarga Berencana|Dinas Peternakan|"
        "Dinas Pemadam Kebakaran|Dinas Perkebunan|Badan Perencanaan Pembangunan Daerah|Badan Pendapatan Daerah|"
        "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia|Badan Pengelolaan Keuangan dan Aset Daerah|"
        "Badan Kesatuan Bangsa dan Politik"
    ).split("|")
    for name in wanted:
        inst = regional.get(name)
        if inst is None:
            continue
        short = [f for f in inst.forms if f.isalpha() and len(f) <= 12][:2]
        forms = [f"Kepala {name}"] + [f"Kepala {s}" for s in short] + fused.get(name, [])[:2]
        key = "dinas:" + name
        doctor = name == "Dinas Kesehatan"
        posts.append(_Post(key, tuple(forms), name, 0.7, 0.3, 2, "doctor" if doctor else "civil"))
        posts.append(_Post(key + ":sek", (f"Sekretaris {name}",), name, 0.15, 0.4, 3, "civil"))
    posts.append(_Post("camat", ("Camat",), "", 2.5, 0.2, 2, "civil", needs_kab=False))
    posts.append(_Post("kades", ("Kepala Desa", "Kades"), "", 2.0, 0.12, 6, "civil", needs_kab=False))
    return posts


# --------------------------------------------------------------------------- the generator


class _Generator:
    def __init__(self, seed: int):
        self.seed = seed
        t = _tables()
        self.rng = random.Random(f"kgraph-corpus|{seed}")
        self.regions: list[_Region] = t["regions"]  # type: ignore[assignment]
        self.pools: dict[str, tuple[list[str], list[str], list[str]]] = t["pools"]  # type: ignore[assignment]
        self.events: dict[str, list[str]] = t["events"]  # type: ignore[assignment]
        self.before: list[str] = t["before"]  # type: ignore[assignment]
        self.pronoun: list[str] = t["pronoun"]  # type: ignore[assignment]
        self.after: list[str] = t["after"]  # type: ignore[assignment]
        self.degrees: list[str] = t["degrees"]  # type: ignore[assignment]
        self.degrees_all: list[str] = t["degrees_all"]  # type: ignore[assignment]
        self.posts: list[_Post] = t["posts"]  # type: ignore[assignment]
        self.villages: list[str] = t["villages"]  # type: ignore[assignment]
        self.inflected: list[str] = t["inflected"]  # type: ignore[assignment]
        self.verbs: list[str] = t["verbs"]  # type: ignore[assignment]
        self.lexicon: list[str] = t["lexicon"]  # type: ignore[assignment]
        self.lexicon_cum = list(itertools.accumulate(1.0 / (rank + 20) for rank in range(len(self.lexicon))))
        # Zipf-like region weights over a seeded order: rank r gets 1 / (r + 3).
        order = list(range(len(self.regions)))
        random.Random(f"regions|{seed}").shuffle(order)
        weights = [0.0] * len(order)
        for rank, idx in enumerate(order):
            weights[idx] = 1.0 / (rank + 3)
        self.region_cum = list(itertools.accumulate(weights))
        self.post_cum = list(itertools.accumulate(p.weight for p in self.posts))
        self.people: dict[tuple[str, str, int], _Person] = {}
        self.places: dict[str, tuple[list[str], int]] = {}
        self.days = (LAST_DAY - FIRST_DAY).days
        self.recent: list[tuple[_Region, dt.date, _Post]] = []

    # ----------------------------------------------------------------- people

    def _name(self, r: random.Random, province: str, female: bool) -> tuple[str, str]:
        """A person's bare name and the short form later sentences use."""
        trads = _MIX.get(province, (("jawa", 1.0),))
        trad = r.choices([k for k, _ in trads], [w for _, w in trads])[0]
        male, fem, family = self.pools[trad]
        given = r.choice(fem if female else male)
        second = r.choice(family)
        if trad == "bali":
            if r.random() < 0.12:
                lead = r.choice(_BALI_NOBLE_F if female else _BALI_NOBLE_M)
            else:
                lead = ("Ni " if female else "I ") + r.choice(_BALI_ORDER_F if female else _BALI_ORDER_M)
            if r.random() < 0.5:
                return f"{lead} {given} {second}", second
            return f"{lead} {given}", given
        if trad == "tionghoa" and r.random() < 0.15:
            name = f"{r.choice(_HAN_FAMILIES)} {r.choice(_HAN_SYLLABLES)} {r.choice(_HAN_SYLLABLES)}"
            return name, name.split()[0]
        lead = ""
        if trad == "bugis":
            if province == "74" and r.random() < 0.4:
                lead = "Wa Ode " if female else "La Ode "
            elif r.random() < 0.35:
                lead = "Andi "
        elif trad == "sasak" and r.random() < 0.4:
            lead = "Baiq " if female else "Lalu "
        elif trad == "aceh" and r.random() < 0.25:
            lead = "Cut " if female else r.choice(("Teuku ", "Tgk. "))
        elif trad == "arab" and r.random() < 0.1:
            lead = "Syarifah " if female else "Habib "
        elif trad in ("jawa", "sunda", "minang", "arab") and not female and r.random() < 0.12:
            lead = r.choice(("Muhammad ", "Ahmad ", "Moh. ", "Abdul "))
        middle = ""
        if trad in ("jawa", "sunda", "batak", "papua", "timur") and r.random() < 0.18:
            middle = r.choice(fem if female else male) + " "
            if middle.strip() == given:
                middle = ""
        name = f"{lead}{given} {middle}{second}"
        short = second if trad in ("batak", "papua", "timur", "tionghoa") and r.random() < 0.5 else given
        return name, short

    def person(self, region: _Region, post: _Post, term: int) -> _Person:
        key = (region.code, post.key, term)
        found = self.people.get(key)
        if found is not None:
            return found
        r = random.Random(f"{self.seed}|{region.code}|{post.key}|{term}")
        female = r.random() < post.female
        name, short = self._name(r, region.province, female)
        pre: list[str] = []
        muslim = region.province in _MUSLIM and not name.startswith(("I ", "Ni "))
        style = post.style
        if style == "police":
            pre.append("AKBP" if region.kind == "regency" else r.choice(("AKBP", "Kombes Pol.")))
        elif style == "police_low":
            pre.append(r.choice(("AKP", "Iptu", "AKP")))
        elif style == "army":
            pre.append(r.choice(("Letkol Inf.", "Letkol Kav.", "Letkol Arh.", "Letkol Czi.", "Letkol Inf")))
        else:
            if muslim and r.random() < (0.45 if style == "head" else 0.25):
                pre.append("Hj." if female else "H.")
            x = r.random()
            if style == "doctor" and x < 0.75:
                pre.insert(0, "dr.")
            elif x < 0.08:
                pre.insert(0, "Dr.")
            elif x < 0.13:
                pre.insert(0, "Ir.")
            elif x < 0.17:
                pre.insert(0, "Drs." if not female else "Dra.")
            elif x < 0.18:
                pre.insert(0, "Prof. Dr.")
        degrees: list[str] = []
        if style not in ("police", "police_low", "army") and r.random() < 0.55:
            pool = self.degrees if r.random() < 0.85 else self.degrees_all
            first = [d for d in pool if d.startswith("S.")]
            second = [d for d in pool if not d.startswith("S.")]
            k = r.random()
            if k < 0.5:
                degrees = [r.choice(first)]
            elif k < 0.9:
                degrees = [r.choice(first), r.choice(second)]
            else:
                degrees = [r.choice(second)]
            if style == "doctor" and pre and pre[0] == "dr." and r.random() < 0.5:
                degrees = [r.choice(("Sp.PD.", "Sp.A.", "M.Kes.", "Sp.OG.", "MARS"))]
        full = " ".join(pre + [name])
        if degrees:
            full += ", " + ", ".join(degrees)
        p = _Person(full, name, short, female)
        self.people[key] = p
        return p

    def term_of(self, post: _Post, region: _Region, date: dt.date) -> tuple[int, str]:
        """The holder's term at *date*, and an acting marker ("Pj", "Plt") for it."""
        y = date.year
        if post.style == "head":
            if y <= 2020:
                return 0, ""
            if y <= 2023:
                return 1, ""
            if y == 2024:
                # about half of the regions had a Penjabat between the 2023/24 end of term and 2025
                penjabat = int(region.code.replace(".", "")) % 2 == 0 and post.key == "head"
                return (2, "Pj") if penjabat else (1, "")
            return 3, ""
        offset = int(region.code.replace(".", "")) % post.term
        term = (y - 2019 + offset) // post.term
        head_of_dinas = post.key.startswith("dinas:") and not post.key.endswith(":sek")
        acting = "Plt" if head_of_dinas and (y * 7 + len(post.key) + date.month) % 13 == 0 else ""
        return term, acting

    def place_names(self, region: _Region) -> tuple[list[str], int]:
        """The region's kecamatan and desa names (seeded), and how many are kecamatan."""
        found = self.places.get(region.code)
        if found is None:
            r = random.Random(f"{self.seed}|places|{region.code}")
            names = r.sample(self.villages, 150)
            n_dist = r.randint(8, 22)
            found = (names, n_dist)
            self.places[region.code] = found
        return found

    # ----------------------------------------------------------------- article

    def article(self, index: int) -> dict[str, str]:
        rng = self.rng
        recent = self.recent
        if recent and rng.random() < FOLLOW_UP:
            # a follow-up story: the same region and lead post a few days or weeks later
            region, date, lead = recent[rng.randrange(len(recent))]
            date = min(date + dt.timedelta(days=rng.randint(0, 30)), LAST_DAY)
        else:
            region = self.regions[bisect.bisect(self.region_cum, rng.random() * self.region_cum[-1])]
            date = FIRST_DAY + dt.timedelta(days=rng.randrange(self.days + 1))
            lead = None
        ctx = _Article(self, rng, region, date)
        text, title, lead = ctx.write(lead)
        recent.append((region, date, lead))
        if len(recent) > 400:
            del recent[: len(recent) - 400]
        return {"id": f"gen-{self.seed}-{index:07d}", "title": title, "text": text, "date": date.isoformat()}


class _Article:
    """One article being written: its region, date, cast and paragraphs."""

    def __init__(self, gen: _Generator, rng: random.Random, region: _Region, date: dt.date):
        self.g = gen
        self.rng = rng
        self.region = region
        self.date = date
        self.city = region.kind == "city"
        self.kind_word = "Kota" if self.city else "Kabupaten"
        self.full = f"{self.kind_word} {region.name}"
        self.head_title = "Wali Kota" if self.city else "Bupati"
        self.gov = ("Pemkot " if self.city else "Pemkab ") + region.name
        self.dists, n_dist = gen.place_names(region)
        self.n_dist = n_dist
        self.named: dict[str, _Person] = {}  # post key -> person already introduced

    # -- small pieces

    def num(self) -> str:
        r = self.rng.random()
        if r < 0.4:
            return str(self.rng.randint(2, 99))
        if r < 0.8:
            return str(self.rng.randint(100, 999))
        return f"{self.rng.randint(1, 99)}.{self.rng.randint(0, 999):03d}"

    def money(self) -> str:
        rng = self.rng
        if rng.random() < 0.55:
            return f"Rp{rng.randint(1, 999)},{rng.randint(1, 99)} miliar"
        return f"Rp{rng.randint(10, 999)} juta"

    def pct(self) -> str:
        return f"{self.rng.randint(1, 98)},{self.rng.randint(0, 99):02d} persen"

    def district(self) -> str:
        return self.dists[self.rng.randrange(self.n_dist)]

    def village(self) -> str:
        return self.dists[self.rng.randrange(self.n_dist, len(self.dists))]

    def when(self) -> str:
        rng = self.rng
        d = self.date - dt.timedelta(days=rng.randint(0, 6))
        k = rng.random()
        if k < 0.45:
            return f"{_DAYS[d.weekday()]} ({d.day}/{d.month})"
        if k < 0.7:
            return f"pada {_DAYS[d.weekday()]} ({d.day}/{d.month}/{d.year})"
        if k < 0.85:
            return f"pada {d.day} {_MONTHS[d.month - 1]} {d.year}"
        return _DAYS[d.weekday()]

    def program(self) -> str:
        rng = self.rng
        return f"{rng.choice(_PROGRAM_A)} {rng.choice(_PROGRAM_B)} {rng.choice(_PROGRAM_C)}"

    def company(self) -> str:
        rng = self.rng
        kind = rng.choice(("PT", "PT", "CV"))
        return f"{kind} {rng.choice(_COMPANY_A)} {rng.choice(_COMPANY_B)} {rng.choice(_COMPANY_C)}"

    def school(self) -> str:
        rng = self.rng
        level = rng.choice(("SD Negeri", "SMP Negeri", "SMA Negeri", "SMK Negeri", "MTs Negeri", "SDN"))
        return f"{level} {rng.randint(1, 40)} {self.region.name if rng.random() < 0.5 else self.village()}"

    def obj(self) -> str:
        rng = self.rng
        k = rng.random()
        if k < 0.3:
            return f"{rng.choice(_HEADS)} {rng.choice(_THINGS)}"
        if k < 0.45:
            return f"{rng.choice(_HEADS)} {rng.choice(_THINGS)} dan {self.word()} {self.word()}"
        if k < 0.7:
            return f"{rng.choice(_HEADS)} {rng.choice(_THINGS)} {rng.choice(_QUALIFIERS)}"
        inf = self.g.inflected
        return f"{rng.choice(inf)} {rng.choice(_THINGS)}"

    def word(self) -> str:
        """A lowercase word drawn Zipf-like from the large lexicon."""
        g = self.g
        return g.lexicon[bisect.bisect(g.lexicon_cum, self.rng.random() * g.lexicon_cum[-1])]

    def verb(self) -> str:
        rng = self.rng
        return rng.choice(_VERBS) if rng.random() < 0.5 else rng.choice(self.g.verbs)

    def adjunct(self) -> str:
        rng = self.rng
        k = rng.randrange(16)
        if k == 0:
            return f"di Desa {self.village()}, Kecamatan {self.district()}"
        if k == 1:
            return f"di Kecamatan {self.district()}"
        if k == 2:
            return f"pada tahun anggaran {self.date.year + rng.choice((0, 0, 1))}"
        if k == 3:
            return f"sejak awal {rng.choice(_MONTHS)} {self.date.year}"
        if k == 4:
            return f"hingga akhir {rng.choice(_MONTHS)} mendatang"
        if k == 5:
            return f"dengan anggaran {self.money()}"
        if k == 6:
            return f"yang bersumber dari {rng.choice(_FUNDS)} {self.date.year}"
        if k == 7:
            return f"sebanyak {self.num()} {rng.choice(_UNITS)}"
        if k == 8:
            return f"dengan capaian {self.pct()}"
        if k == 9:
            return f"sepanjang {rng.randint(1, 40)},{rng.randint(1, 9)} kilometer"
        if k == 10:
            return f"di {rng.randint(3, 60)} desa dan {rng.randint(2, 20)} kelurahan"
        if k == 11:
            return f"untuk {rng.choice(_PURPOSES)}"
        if k == 12:
            return f"pada triwulan {rng.choice(_ORDINALS)}"
        if k == 13:
            return f"di ruas Jalan {rng.choice(_STREETS)}"
        if k == 14:
            return f"bersama {rng.choice(_ACTORS)}"
        return rng.choice(_ADVERBS)

    def speech(self) -> str:
        return self.rng.choice(self.g.before)

    def quote(self, who: _Person, first: bool) -> str:
        """A quote paragraph: direct speech and its speech verb."""
        rng = self.rng
        o, c = ("\u201c", "\u201d") if rng.random() < 0.3 else ('"', '"')
        body = f"{rng.choice(_QUOTE_OPENERS)} {self.obj()} {self.adjunct()}"
        if rng.random() < 0.5:
            body += f". {rng.choice(_QUOTE_TAILS)}"
        k = rng.random()
        if k < 0.45 or first:
            return f"{o}{body},{c} {self.speech()} {who.short}."
        if k < 0.8:
            return f"{o}{body},{c} {rng.choice(self.g.pronoun)}."
        return f"{who.short} {rng.choice(self.g.after)} {self.obj()} {self.adjunct()}. {o}{body},{c} katanya."

    def filler(self) -> str:
        rng = self.rng
        k = rng.randrange(19)
        if k >= 16:
            w = self.word
            if k == 16:
                return f"{rng.choice(_CONNECTORS)} {rng.choice(_ACTORS)} {self.verb()} {w()} {w()} {self.adjunct()}."
            if k == 17:
                return f"Selain {w()}, {rng.choice(_ACTORS)} juga {w()} {w()} {rng.choice(_THINGS)} {self.adjunct()}."
            return f"Kondisi {w()} di Desa {self.village()} masih {w()}, sehingga {w()} {w()} {rng.choice(_STATES)}."
        if k >= 14:
            c = rng.choice(_COMMODITIES)
            price = f"Rp{rng.randint(2, 150)}.{rng.choice(('000', '500', '250', '750', '800'))}"
            if k == 14:
                return (
                    f"Harga {c} di Pasar {self.village()} {rng.choice(('naik', 'turun', 'bertahan'))} menjadi "
                    f"{price} per kilogram, sedangkan {rng.choice(_COMMODITIES)} dijual {price} per kilogram."
                )
            return (
                f"Produksi {c} di Kecamatan {self.district()} tahun lalu mencapai {self.num()} ton dari lahan "
                f"seluas {self.num()} hektare, menurut catatan dinas setempat."
            )
        if k >= 10:
            inf = self.g.inflected
            if k == 10:
                return (
                    f"{rng.choice(_CONNECTORS)} {rng.choice(inf)} {rng.choice(_THINGS)} oleh {self.company()} "
                    f"{rng.choice(inf)} {rng.choice(_ADVERBS)} {self.adjunct()}."
                )
            if k == 11:
                return (
                    f"{self.school()} {rng.choice(inf)} {self.num()} {rng.choice(_UNITS)} untuk "
                    f"{rng.choice(inf)} {rng.choice(_THINGS)}, kata kepala sekolahnya."
                )
            if k == 12:
                return (
                    f"Menurut dia, {rng.choice(inf)} dan {rng.choice(inf)} {rng.choice(_THINGS)} "
                    f"{rng.choice(_STATES)} karena {rng.choice(_ACTORS)} belum {rng.choice(inf)} {self.obj()}."
                )
            return (
                f"Proyek senilai {self.money()} yang dikerjakan {self.company()} itu {rng.choice(inf)} "
                f"{rng.choice(_THINGS)} dan ditargetkan {rng.choice(inf)} pada {rng.choice(_MONTHS)} {self.date.year}."
            )
        if k == 0:
            return f"{rng.choice(_CONNECTORS)} {rng.choice(_ACTORS)} {self.verb()} {self.obj()} {self.adjunct()}."
        if k == 1:
            s = f"{self.obj().capitalize()} {rng.choice(_PASSIVE)} {self.adjunct()} {self.adjunct()}"
            return s + "."
        if k == 2:
            return (
                f"{rng.choice(_CONNECTORS)} {self.obj()} {self.adjunct()} {rng.choice(_STATES)}, "
                f"sedangkan {self.obj()} {rng.choice(_STATES)}."
            )
        if k == 3:
            return (
                f"Tercatat {self.num()} {rng.choice(_UNITS)} telah menerima manfaat program "
                f"{self.program()} sejak diluncurkan pada {rng.choice(_MONTHS)} {self.date.year - rng.randint(0, 3)}."
            )
        if k == 4:
            return (
                f"Berdasarkan data {self.gov}, {self.obj()} {self.adjunct()} mencapai {self.pct()}, "
                f"{rng.choice(('naik', 'turun'))} dibanding tahun sebelumnya yang sebesar {self.pct()}."
            )
        if k == 5:
            return (
                f"Kegiatan itu diikuti {self.num()} peserta dari {rng.randint(2, 30)} kecamatan, antara lain "
                f"{rng.choice(_ACTORS)} dari Kecamatan {self.district()} dan Kecamatan {self.district()}."
            )
        if k == 6:
            return (
                f"Warga Desa {self.village()} berharap {self.obj()} {rng.choice(_ADVERBS)}, "
                f"terutama menjelang musim {rng.choice(('hujan', 'kemarau', 'tanam', 'panen', 'liburan'))}."
            )
        if k == 7:
            return (
                f"Ia menambahkan, {rng.choice(_ACTORS)} diminta {self.verb()} {self.obj()} "
                f"{self.adjunct()} agar {rng.choice(_PURPOSES)}."
            )
        if k == 8:
            return (
                f"{rng.choice(_CONNECTORS)} anggaran {self.obj()} tahun {self.date.year} ditetapkan sebesar "
                f"{self.money()}, atau {self.pct()} dari total belanja daerah."
            )
        return (
            f"Pembangunan di Jalan {rng.choice(_STREETS)} Nomor {rng.randint(1, 250)} itu "
            f"{rng.choice(_STATES)} dan {rng.choice(_PASSIVE)} {self.adjunct()}."
        )

    # -- people and events

    def pick_post(self, avoid: set[str]) -> _Post:
        g = self.g
        for _ in range(8):
            post = g.posts[bisect.bisect(g.post_cum, self.rng.random() * g.post_cum[-1])]
            if post.key not in avoid:
                return post
        return g.posts[2]

    def introduce(self, post: _Post) -> tuple[_Person, str]:
        """The first mention of a post holder: title, region and full name."""
        rng = self.rng
        term, acting = self.g.term_of(post, self.region, self.date)
        p = self.g.person(self.region, post, term)
        self.named[post.key] = p
        title = rng.choice(post.titles).replace("{head}", self.head_title)
        if acting:
            if acting == "Pj" and rng.random() < 0.5:
                title = f"Penjabat (Pj) {title}"
            else:
                title = f"{acting} {title}"
        if post.key == "camat":
            return p, f"Camat {self.district()} {p.full}"
        if post.key == "kades":
            return p, f"{title} {self.village()} {p.full}"
        if post.style == "head":
            place = self.region.name
        elif post.needs_kab or rng.random() < 0.3:
            place = self.full
        else:
            place = self.region.name
        if post.key in ("dprd", "dprd2") and not self.city and rng.random() < 0.5:
            place = self.full
        if post.style == "head" and rng.random() < 0.35:
            return p, f"{title} {self.region.name}, {p.full}," if rng.random() < 0.3 else f"{title} {place} {p.full}"
        return p, f"{title} {place} {p.full}"

    def event(self) -> str:
        """A sentence naming an event of a kind that suits local news."""
        rng = self.rng
        ev = self.g.events
        year = self.date.year
        k = rng.randrange(9)
        if k == 0:
            founded = 1946 + int(self.region.code.replace(".", "")) % 70
            trig = rng.choice(("HUT", "Hari Jadi", "Hari Ulang Tahun (HUT)"))
            return (
                f"Rangkaian {trig} {self.full} ke-{max(year - founded, 1)} tahun ini diisi dengan "
                f"{rng.choice(ev.get('festival', ['pameran']))} dan {self.obj()} {self.adjunct()}."
            )
        if k == 1:
            elec = "Pilkada" if year in (2020, 2024) else rng.choice(("Pemilu", "Pilkades"))
            ey = {2019: 2019, 2020: 2020, 2021: 2024, 2022: 2024, 2023: 2024, 2024: 2024, 2025: 2029}[year]
            stage = rng.choice(ev.get("election", ["rekapitulasi"]))
            return (
                f"Menjelang {elec} {ey}, {rng.choice(_ACTORS)} diminta mengawal tahapan {stage} "
                f"{self.adjunct()} agar berjalan jujur dan adil."
            )
        if k == 2:
            return (
                f"Dalam rapat paripurna DPRD {self.full}, dewan menyetujui rancangan peraturan daerah tentang "
                f"{self.obj()} {self.adjunct()}."
            )
        if k == 3:
            trig = rng.choice(ev.get("disaster", ["banjir"]))
            return (
                f"{trig.capitalize()} yang melanda {rng.randint(2, 40)} desa di Kecamatan {self.district()} "
                f"pada {rng.choice(_MONTHS)} lalu merusak {self.num()} rumah dan {self.num()} hektare sawah."
            )
        if k == 4:
            trig = rng.choice(ev.get("inauguration", ["pelantikan"]))
            return (
                f"{trig.capitalize()} {self.num()} pejabat administrator dan pengawas di lingkungan {self.gov} "
                f"digelar di aula kantor bupati {self.adjunct()}."
            )
        kind = rng.choice(("meeting", "training", "operation", "launch", "festival", "religious", "visit"))
        trig = rng.choice(ev.get(kind, ["rapat koordinasi"]))
        return (
            f"{rng.choice(_CONNECTORS)} {trig} {self.obj()} digelar di {self.place()} {self.adjunct()} "
            f"dan dihadiri {rng.choice(_ACTORS)}."
        )

    def place(self) -> str:
        rng = self.rng
        k = rng.randrange(5)
        if k == 0:
            return f"aula kantor Camat {self.district()}"
        if k == 1:
            return f"balai Desa {self.village()}"
        if k == 2:
            return f"gedung serbaguna {self.gov}"
        if k == 3:
            return f"halaman Masjid Agung {self.region.name}" if rng.random() < 0.5 else "pendopo rumah dinas"
        return f"Jalan {rng.choice(_STREETS)}"

    # -- the whole article

    def write(self, lead_post: _Post | None = None) -> tuple[str, str, _Post]:
        rng = self.rng
        g = self.g
        region = self.region
        target = int(rng.triangular(MIN_BYTES + 150, MAX_BYTES - 250, MODE_BYTES - 200))

        if lead_post is not None:
            main_post = lead_post
        else:
            main_post = g.posts[0] if rng.random() < 0.45 else self.pick_post(set())
        main, intro = self.introduce(main_post)
        agency = rng.choice(_AGENCIES)
        dateline = region.name.upper() if rng.random() < 0.5 else region.name
        lead = (
            f"{dateline} ({agency}) - {intro} {self.verb()} {self.obj()} {self.adjunct()}, "
            f"{self.when()}."
        )
        paras = [lead]
        if rng.random() < 0.5:
            paras.append(f"Menurut {main.short}, {self.obj()} {rng.choice(_STATES)} {self.adjunct()}.")
        paras.append(self.quote(main, True))
        blocks: list[list[str]] = []
        others = rng.choice((1, 2, 2, 3, 3, 4))
        avoid = {main_post.key}
        for _ in range(others):
            post = self.pick_post(avoid)
            avoid.add(post.key)
            p, intro = self.introduce(post)
            k = rng.random()
            if k < 0.4:
                blocks.append([f"{intro} {rng.choice(g.after)} {self.obj()} {self.adjunct()}.", self.quote(p, False)])
            elif k < 0.7:
                blocks.append([f"{rng.choice(_CONNECTORS)} {intro} {self.verb()} {self.obj()} {self.adjunct()}."])
            else:
                blocks.append([f"Hadir pula dalam kegiatan itu {intro} serta {rng.choice(_ACTORS)}."])
        for _ in range(rng.choice((1, 1, 2))):
            blocks.append([self.event()])
        if rng.random() < 0.5:
            name, _short = g._name(rng, region.province, rng.random() < 0.4)
            noun = rng.choice(("warga", "pedagang", "petani", "nelayan", "tokoh masyarakat", "relawan"))
            blocks.append([
                f"Salah seorang {noun} Desa {self.village()}, {name} ({rng.randint(19, 71)}), "
                f"mengaku senang dengan {self.obj()} tersebut. \"Kami sangat terbantu,\" ujarnya."
            ])
        size = sum(len(p) + 1 for p in paras) + sum(len(p) + 1 for b in blocks for p in b)
        while size < target:
            if rng.random() < 0.25:
                para = self.quote(main, False)
            else:
                para = " ".join(self.filler() for _ in range(rng.choice((1, 2, 2, 3))))
            blocks.append([para])
            size += len(para) + 1
        rng.shuffle(blocks)
        for b in blocks:
            paras.extend(b)
        if rng.random() < 0.15:
            paras.insert(rng.randint(3, len(paras)), f"Baca juga: {self.title(main_post)}")
        text = "\n".join(paras)
        data = text.encode("utf-8")
        while len(data) > MAX_BYTES and len(paras) > 3:
            # drop the longest filler paragraph that is not the lead
            i = max(range(1, len(paras)), key=lambda j: len(paras[j]))
            paras.pop(i)
            text = "\n".join(paras)
            data = text.encode("utf-8")
        while len(data) < MIN_BYTES:
            paras.append(self.filler())
            text = "\n".join(paras)
            data = text.encode("utf-8")
        if len(data) > MAX_BYTES:  # a filler overshot: cut at the last sentence that fits
            cut = text.rfind(". ", 0, MAX_BYTES - 8)
            text = text[: cut + 1] if cut > MIN_BYTES else text[:MAX_BYTES].rsplit(" ", 1)[0] + "."
        return text, self.title(main_post), main_post

    def title(self, post: _Post) -> str:
        rng = self.rng
        who = rng.choice((f"{self.head_title} {self.region.name}", self.gov, f"DPRD {self.region.name}"))
        if post.key != "head" and rng.random() < 0.5:
            who = rng.choice(post.titles).split(" (")[0].replace("{head}", self.head_title) + f" {self.region.name}"
        return f"{who} {rng.choice(_TITLE_VERBS)} {self.obj()} {self.adjunct()}"[:120]


def generate(n: int, seed: int = 0) -> Iterator[dict[str, str]]:
    """Yield *n* generated article records ``{"id", "title", "text", "date"}``.

    The records are a pure function of *n* and *seed* (the first *k* records of
    ``generate(n, seed)`` are those of ``generate(k, seed)``). Ids are
    ``gen-SEED-NNNNNNN``; dates are ISO days in 2019-2025.

    >>> recs = list(generate(2, seed=1))
    >>> [sorted(r) for r in recs][0]
    ['date', 'id', 'text', 'title']
    """
    if n < 0:
        raise ValueError(f"n must be >= 0, not {n}")
    gen = _Generator(seed)
    for i in range(n):
        yield gen.article(i)


def write_jsonl(path: str | Path, n: int, seed: int = 0, progress: Callable[[int], None] | None = None) -> int:
    """Write ``generate(n, seed)`` to *path* as JSONL; return the number of bytes written."""
    size = 0
    with open(path, "w", encoding="utf-8") as fh:
        for i, rec in enumerate(generate(n, seed)):
            line = json.dumps(rec, ensure_ascii=False) + "\n"
            fh.write(line)
            size += len(line.encode("utf-8"))
            if progress is not None and (i + 1) % 10_000 == 0:
                progress(i + 1)
    return size


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("n", type=int, help="number of articles")
    ap.add_argument("-o", "--output", required=True, help="the JSONL file to write")
    ap.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    size = write_jsonl(
        args.output, args.n, args.seed, lambda i: print(f"\r{i:,} articles", end="", file=sys.stderr, flush=True)
    )
    dt_s = time.perf_counter() - t0
    print(
        f"\rwrote {args.n:,} articles ({size / 1e6:,.1f} MB) to {args.output} in {dt_s:.1f} s "
        f"({args.n / max(dt_s, 1e-9):,.0f} articles/s)",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
