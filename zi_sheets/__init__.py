"""zi-sheets: Zona Integritas documents (Rencana Kerja, Monev, Lampiran) from one Excel workbook."""

__version__ = "0.1.0"
