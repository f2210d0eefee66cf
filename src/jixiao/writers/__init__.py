"""Writers: tables and scores to text, CSV, JSON, workbooks, Word and PDF, the flow's last step."""
