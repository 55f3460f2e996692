"""全生命周期: one business's history across every domain — registration, permits (双告知 answers), penalties,
listings and credit repair, inspections, benefits, annual reports — by year (seed 004 企业全生命周期图)."""
