"""lao_moha: the digital workplace of the Lao PDR Ministry of Home Affairs."""
