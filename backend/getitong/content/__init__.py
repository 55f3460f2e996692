"""News (新闻资讯) and laws and regulations with interpretations (法律法规): SPEC capability J."""
