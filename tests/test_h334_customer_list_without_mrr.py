"""A CRM's customer list without revenue (HubSpot companies: customer, became a customer, churn date) imported as
subscriptions says what to do, not only "map mrr" of a column the export does not have (H330's finding 08)."""

from __future__ import annotations

from xl_retention import cli

COMPANIES = (
    "Record ID,Company name,Create Date,Lifecycle Stage,Became a Customer Date,Churn Date\n"
    "1,Acme,2026-01-02,Customer,2026-02-01,\n"
    "2,Beta,2026-01-02,Former Customer,2026-02-03,2026-05-04\n"
)


def test_a_customer_list_without_revenue_is_told_what_to_do(tmp_path, capsys):
    path = tmp_path / "hs.csv"
    path.write_text(COMPANIES)
    columns = "customer_id=Company name,start=Became a Customer Date,end=Churn Date"
    args = ["import", "--subscriptions", str(path), "--columns", columns, "--to-csv", str(tmp_path / "out")]
    assert cli.main(args) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("xl-retention: error: hs.csv: missing column 'mrr' (columns found: 'Record ID', ")
    assert err.endswith(  # at the parent: it ended with "(in Python: columns={'mrr': 'NAME'})"
        "map it: --columns mrr=NAME (in Python: columns={'mrr': 'NAME'}); a list of customers without revenue (a "
        "CRM's companies or contacts) gives no MRR: each interval counts where its MRR is above 0, so add each "
        "customer's monthly revenue as a column (from the billing system or the deals); a column of 1 counts the "
        "customers right, but then every MRR figure (Revenue, NRR, the MRR charts) is a count of customers, not money"
    )
