"""The core: pure Python, never imports Qt. Data flows store -> selection -> Briefing -> charts + PDF."""
