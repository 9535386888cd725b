"""The finding types of the LKE sheet: its answers (`assess`) and their evidence (`evidence`), emitted by
`check.check_lke` within `zi-sheets check` and reported by `zi-sheets nilai`."""

from __future__ import annotations

from zi_sheets.common.findings import register
from zi_sheets.lke.fetch import LINK_SECONDS, TOTAL_SECONDS, seconds_text

LKE_SHEET_UNREADABLE = register(
    "lke-sheet-unreadable",
    "warning",
    "Sheet LKE tidak terbaca sebagai jawaban LKE",
    "Sheet {nama_sheet} tidak dibaca sebagai jawaban LKE: {masalah} Judul kolom yang dibaca: Kode, Jawaban, "
    "Bukti Dukung, Catatan.",
    "Sheet bernama LKE dengan susunan lain (mis. salinan LKE resmi) tidak dinilai; workbook tetap terbaca.",
)
LKE_EMPTY = register(
    "lke-empty",
    "error",
    "LKE belum berisi jawaban (nilai tidak dihitung)",
    "Sheet {nama_sheet} berkas {berkas} belum berisi satu pun jawaban dari {butir} butir, sehingga nilainya "
    "tidak dihitung; {isi}.",
    "'zi-sheets nilai' tidak mencetak nilai 0,00 dari LKE yang belum dijawab, dan 'build' tidak menulis "
    "Laporan Penilaiannya; 'check' pada workbook baru tidak melaporkannya, pada LKE resmi yang diberikan "
    "dengan --lke melaporkannya sebagai galat.",
)
LKE_UNANSWERED = register(
    "lke-unanswered",
    "warning",
    "Butir LKE belum dijawab (dihitung 0)",
    "{kode} belum dijawab; dihitung 0. Pilih atau isi jawabannya di kolom Jawaban.",
    "Butir tanpa jawaban dihitung 0. Untuk butir persentase boleh diisi baris Jumlah di bawahnya; "
    "persentasenya dihitung dari situ.",
)
LKE_ITEM_MISSING = register(
    "lke-item-missing",
    "warning",
    "Butir LKE tidak punya baris di sheet LKE (dihitung 0)",
    "{kode} tidak punya baris di sheet {nama_sheet}; dihitung 0. {saran}",
    "Baris butir yang terhapus dari sheet LKE, atau pertanyaan LKE resmi yang teksnya tidak dikenali, tidak "
    "dapat dinilai; butirnya dihitung 0.",
)
LKE_KODE_UNKNOWN = register(
    "lke-kode-unknown",
    "warning",
    "Kode di sheet LKE tidak ada di LKE",
    "Kode {kode!q} pada baris {row} tidak ada di LKE {katalog}, sehingga jawabannya tidak dinilai.",
    "Jawaban dinilai menurut Kode butirnya (mis. 'P.1.i.a'); baris tanpa Kode yang dikenal tidak dinilai.",
)
LKE_ANSWER_INVALID = register(
    "lke-answer-invalid",
    "warning",
    "Jawaban LKE bukan salah satu pilihannya",
    "Jawaban {kode} {jawaban!q} {masalah}; {dihitung}.",
    "Jawaban yang tidak sesuai jenis butirnya (Ya/Tidak, huruf, persentase, nilai survei, jumlah) "
    "dihitung 0.",
)
LKE_JUMLAH_MISMATCH = register(
    "lke-jumlah-mismatch",
    "warning",
    "Persentase berbeda dengan hitungan dari isian Jumlah",
    "Persentase {kode} tertulis {tertulis}, tetapi dari isian Jumlah-nya {hitungan}; yang dinilai hitungan "
    "dari Jumlah.",
    "Persentase dihitung dari isian Jumlah sebagaimana Penjelasan LKE; persentase yang diketik berbeda "
    "diabaikan.",
)
LKE_KODE_DUPLICATE = register(
    "lke-kode-duplicate",
    "warning",
    "Kode LKE tercantum lebih dari sekali",
    "Kode {kode} sudah ada di baris {pertama}; yang dinilai hanya jawaban baris {pertama}.",
    "Setiap butir LKE dijawab pada satu baris.",
)
LKE_EVIDENCE_MISSING = register(
    "lke-evidence-missing",
    "warning",
    "Berkas Bukti Dukung tidak ditemukan",
    "Berkas Bukti Dukung {kode} '{berkas}' tidak ditemukan (dicari relatif terhadap folder workbook "
    "{folder}); periksa nama dan foldernya.",
    "Tim Penilai memeriksa setiap jawaban terhadap berkas buktinya.",
)
LKE_EVIDENCE_OUTSIDE = register(
    "lke-evidence-outside",
    "warning",
    "Berkas Bukti Dukung di luar folder workbook (tidak dikemas)",
    "Berkas Bukti Dukung {kode} '{berkas}' ada di luar folder workbook, sehingga tidak ikut dikemas 'build "
    "--paket'; pindahkan ke folder workbook (mis. subfolder 'Bukti Dukung').",
    "'build --paket' hanya mengemas berkas di dalam folder workbook.",
)
LKE_EVIDENCE_NONE = register(
    "lke-evidence-none",
    "warning",
    "Jawaban Ya atau A tanpa Bukti Dukung",
    "{jumlah} jawaban terbaik (Ya atau A) pada {area} tanpa Bukti Dukung: {kode}; Tim Penilai memeriksa "
    "setiap jawaban terhadap buktinya. Tulis lokasi berkas (relatif terhadap folder workbook) atau "
    "tautannya.",
    "Jawaban terbaik tanpa bukti biasanya diturunkan oleh Tim Penilai; dilaporkan sekali per area, dengan "
    "jumlah dan kodenya.",
)
LKE_LINK_MALFORMED = register(
    "lke-link-malformed",
    "warning",
    "Tautan Bukti Dukung bukan alamat web yang benar",
    "Tautan Bukti Dukung {kode} '{tautan}' bukan alamat web yang benar ({masalah}); salin alamat lengkapnya "
    "dari peramban, mis. https://drive.google.com/...",
    "Tautan harus alamat http(s) lengkap agar dapat dibuka Tim Penilai.",
)
LKE_LINK_UNREACHABLE = register(
    "lke-link-unreachable",
    "warning",
    "Tautan Bukti Dukung tidak dapat dibuka",
    "Tautan Bukti Dukung {kode} '{tautan}' tidak dapat dibuka: {masalah}; pastikan tautannya dibagikan "
    "untuk umum atau untuk Tim Penilai.",
    f"Hanya diperiksa dengan 'zi-sheets nilai --cek-tautan' (paling lama {seconds_text(LINK_SECONDS)} detik "
    "per tautan).",
)
LKE_LINK_REFUSED = register(
    "lke-link-refused",
    "warning",
    "Tautan Bukti Dukung menuju alamat yang bukan alamat internet publik (tidak dibuka)",
    "Tautan Bukti Dukung {kode} '{tautan}' tidak dibuka: {masalah}; Tim Penilai hanya dapat membuka alamat "
    "di internet, jadi bagikan buktinya dengan tautan publik (mis. https://drive.google.com/...).",
    "Hanya diperiksa dengan 'zi-sheets nilai --cek-tautan'. Tautan ke komputer ini, jaringan lokal, alamat "
    "metadata awan (169.254.169.254) atau skema selain http(s), langsung maupun lewat pengalihan, tidak "
    "pernah dibuka.",
)
LKE_LINK_UNCHECKED = register(
    "lke-link-unchecked",
    "info",
    "Tautan Bukti Dukung tidak sempat diperiksa",
    "Tautan Bukti Dukung {kode} '{tautan}' tidak diperiksa karena batas {detik} detik untuk memeriksa semua "
    "tautan sudah habis; bukalah sendiri di peramban.",
    "Semua tautan satu pemeriksaan 'zi-sheets nilai --cek-tautan' bersama-sama dibatasi "
    f"{seconds_text(TOTAL_SECONDS)} detik.",
)
LKE_EVIDENCE_SHARED = register(
    "lke-evidence-shared",
    "info",
    "Satu berkas Bukti Dukung dipakai untuk butir yang tidak berkaitan",
    "'{berkas}' dipakai sebagai Bukti Dukung untuk {codes} dari sub-area yang berbeda; periksa apakah "
    "setiap butir memang dijawab oleh berkas yang sama.",
    "Butir dari sub-area berbeda jarang dijawab oleh satu berkas yang sama.",
)
LKE_ANSWER_PROPOSED = register(
    "lke-answer-proposed",
    "info",
    "Isi workbook mengusulkan jawaban lain untuk butir LKE",
    "Isi workbook mengusulkan {kode} = {usulan} ({alasan}); jawaban saat ini: {jawaban!q}. Jawaban tidak "
    "diubah; putuskan setelah memeriksa buktinya.",
    "Tim Kerja, Rencana Aksi, Target Prioritas dan Monev di workbook menunjukkan jawaban butir manajemen "
    "perubahan; usulan tidak pernah menimpa jawaban.",
)

# -- Every type above: what `check.check_lke` declares it emits. --
LKE_REGULATION_MISMATCH = register(
    "lke-regulation-mismatch",
    "error",
    "Jawaban LKE menurut regulasi lain daripada workbook",
    "{sumber} berisi jawaban LKE {regulasi_lke} ({butir} butir dikenali), sedangkan workbook menurut "
    "{regulasi_workbook}; nilainya tidak dihitung. {jalan}",
    "Jawaban satu regulasi tidak dinilai dengan bobot regulasi lain (semua butir akan terhitung 0): "
    "samakan Regulasi di sheet Identitas dengan LKE-nya, atau buat sheet LKE baru menurut regulasi workbook.",
)
LKE_UNANSWERED_COUNT = register(
    "lke-unanswered-count",
    "warning",
    "Nilai dihitung tanpa sebagian jawaban",
    "Nilai dihitung dari {dijawab} dari {butir} butir; {kosong} butir belum dijawab atau jawabannya tidak "
    "terbaca dan dihitung 0 (lihat temuan per sel).",
    "Nilai LKE yang dihitung dari jawaban yang belum lengkap menyebut berapa butir yang hilang.",
)
LKE_SHEET_FIGURE_DIFFERS = register(
    "lke-sheet-figure-differs",
    "warning",
    "Angka LKE resmi berbeda dengan hitungan menurut regulasi",
    "{label}: sheet menghitung {angka_sheet}, menurut bobot regulasi {angka_regulasi}; {alasan}.",
    "Rumus atau angka tersimpan workbook LKE resmi dibandingkan dengan bobot regulasi; selisih lebih dari "
    "0,001 disebut dengan selnya, kedua angka dan sebabnya (mis. rumus sub-area yang menghitung satu butir "
    "dua kali dan melewatkan butir lain). Laporan Penilaian mencetak keduanya.",
)
LKE_TYPES = (
    LKE_SHEET_UNREADABLE,
    LKE_REGULATION_MISMATCH,
    LKE_UNANSWERED_COUNT,
    LKE_SHEET_FIGURE_DIFFERS,
    LKE_EMPTY,
    LKE_UNANSWERED,
    LKE_ITEM_MISSING,
    LKE_KODE_UNKNOWN,
    LKE_ANSWER_INVALID,
    LKE_JUMLAH_MISMATCH,
    LKE_KODE_DUPLICATE,
    LKE_EVIDENCE_MISSING,
    LKE_EVIDENCE_OUTSIDE,
    LKE_EVIDENCE_NONE,
    LKE_LINK_MALFORMED,
    LKE_LINK_UNREACHABLE,
    LKE_LINK_REFUSED,
    LKE_LINK_UNCHECKED,
    LKE_EVIDENCE_SHARED,
    LKE_ANSWER_PROPOSED,
)
