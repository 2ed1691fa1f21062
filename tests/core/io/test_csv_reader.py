"""CSV/TSV reading: encodings, delimiters, quoted newlines, ragged rows and line numbers, on
small files made here and on the real exports in ../shared/samples."""

from __future__ import annotations

import sys
import tracemalloc
import types
from pathlib import Path

import pytest

from hubdesk.core.io.csv_reader import detect_delimiter, make_headers, read_csv
from hubdesk.core.io.open_table import open_table
from hubdesk.core.io.table import ImportFileError, SourceRow, SourceTable

THUNDERBIRD = "thunderbird/mailnews__import__test__unit__resources__"


def rows_of(table: SourceTable) -> list[SourceRow]:
    return list(table.rows())


def write(tmp_path: Path, data: str | bytes, name: str = "contacts.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


# --- every real export ------------------------------------------------------------------


def test_every_sample_csv_reads_without_error_or_replacement_characters(samples: Path) -> None:
    files = sorted(samples.glob("*/*.csv"))
    assert len(files) >= 18
    for path in files:
        table = read_csv(path)
        rows = rows_of(table)
        assert table.headers, path.name
        assert rows, path.name
        for text in table.headers + [v for row in rows for v in row.values + row.extra]:
            assert "\ufffd" not in text, path.name


# (file, encoding, guessed, delimiter, headers, rows, rows with problems)
EXPECTED = [
    ("chatwoot/spec__assets__contacts.csv", "utf-8", False, ",", 9, 25, 24),
    ("chatwoot/spec__assets__existing_contacts.csv", "utf-8", False, ",", 8, 3, 0),
    ("chatwoot/spec__assets__invalid_contacts.csv", "utf-8", False, ",", 8, 25, 22),
    ("roundcube/src__Csv2vcard__all.csv", "utf-8-sig", False, ",", 61, 1, 0),
    ("roundcube/src__Csv2vcard__email.csv", "utf-8", False, ",", 1, 4, 0),
    ("roundcube/src__Csv2vcard__gmail.csv", "utf-8", False, ",", 81, 1, 0),
    ("roundcube/src__Csv2vcard__outlook.csv", "utf-8", False, ",", 3, 1, 0),
    ("roundcube/src__Csv2vcard__tb_plain.csv", "utf-8", False, ",", 38, 1, 0),
    ("thunderbird/mailnews__addrbook__test__unit__data__export.csv", "utf-8", False, ",", 37, 2, 0),
    (THUNDERBIRD + "basic_addressbook.csv", "utf-8", False, ",", 38, 1, 0),
    (THUNDERBIRD + "basic_csv_addressbook.csv", "utf-8", False, ",", 37, 2, 0),
    (THUNDERBIRD + "csv_semicolon.csv", "utf-8", False, ";", 4, 2, 0),
    (THUNDERBIRD + "quote.csv", "utf-8", False, ",", 37, 1, 0),
    (THUNDERBIRD + "shiftjis_addressbook.csv", "cp932", True, ",", 38, 1, 0),
    (THUNDERBIRD + "utf16_addressbook.csv", "utf-16-le", False, ",", 38, 1, 0),
]


@pytest.mark.parametrize(
    ("name", "encoding", "guessed", "delimiter", "headers", "count", "problems"), EXPECTED
)
def test_sample_shape(
    samples: Path,
    name: str,
    encoding: str,
    guessed: bool,
    delimiter: str,
    headers: int,
    count: int,
    problems: int,
) -> None:
    table = read_csv(samples / name)
    rows = rows_of(table)
    assert (table.encoding, table.encoding_guessed, table.delimiter) == (
        encoding,
        guessed,
        delimiter,
    )
    assert (len(table.headers), len(rows)) == (headers, count)
    assert sum(1 for row in rows if row.problems) == problems
    assert [row.number for row in rows] == list(range(1, count + 1))
    assert all(len(row.values) == headers for row in rows)


def test_google_legacy_export_keeps_its_multi_line_address(samples: Path) -> None:
    table = read_csv(samples / "roundcube/src__Csv2vcard__gmail.csv")
    (row,) = rows_of(table)
    cells = dict(zip(table.headers, row.values, strict=True))
    assert table.headers[0] == "Name" and table.headers[-1] == "Website 2 - Value"
    assert cells["Address 1 - Formatted"] == (
        "home_street\nhome_pobox\nhome_city, home_state home_zip\nhome_country"
    )
    assert cells["Group Membership"] == "* My Contacts ::: Test"
    assert cells["Notes"] == 'note"note'
    assert row.line == 2


def test_shift_jis_sample_decodes_japanese_intact(samples: Path) -> None:
    table = read_csv(samples / (THUNDERBIRD + "shiftjis_addressbook.csv"))
    (row,) = rows_of(table)
    cells = dict(zip(table.headers, row.values, strict=True))
    assert cells["First Name"] == "権兵衛"
    assert cells["Last Name"] == "名無し"
    assert cells["Display Name"] == "名無しの権兵衛"
    assert cells["Primary Email"] == "名無しの権兵衛@host.invalid"


def test_utf16_sample_strips_its_bom_from_the_first_header(samples: Path) -> None:
    table = read_csv(samples / (THUNDERBIRD + "utf16_addressbook.csv"))
    assert table.headers[0] == "First Name"
    assert rows_of(table)[0].values[:3] == ["John", "Doe", "John Doe"]


def test_thunderbird_export_quoted_delimiters_and_line_ends(samples: Path) -> None:
    table = read_csv(samples / "thunderbird/mailnews__addrbook__test__unit__data__export.csv")
    first, second = rows_of(table)
    assert (first.line, second.line) == (2, 3)
    assert second.values[-5:] == [
        "custom, 1",
        "custom\t2",
        "custom\r3",
        "custom\n4",
        "here's some unicode text…",
    ]
    assert second.values[table.headers.index("Job Title")] == '"worker"'


def test_trailing_empty_cell_is_kept_without_a_problem(samples: Path) -> None:
    # Thunderbird writes one more (empty) cell per row than its header has.
    table = read_csv(samples / (THUNDERBIRD + "basic_csv_addressbook.csv"))
    rows = rows_of(table)
    assert [row.extra for row in rows] == [[""], [""]]
    assert rows[1].values[:5] == ["Jane", "Doe", "Jane Doe", "", "jane@doe.invalid"]


def test_chatwoot_short_rows_are_padded_and_noted(samples: Path) -> None:
    rows = rows_of(read_csv(samples / "chatwoot/spec__assets__contacts.csv"))
    assert rows[0].problems == [] and rows[0].values[-1] == "My Company Name"
    assert rows[1].values[-2:] == ["+918080808081", ""]
    assert rows[1].problems == ["row has 8 cells, the header has 9"]


def test_sample_without_header(samples: Path) -> None:
    table = read_csv(samples / (THUNDERBIRD + "csv_no_header.csv"), has_header=False)
    assert table.headers == ["Column 1", "Column 2", "Column 3", "Column 4"]
    assert [row.values for row in rows_of(table)] == [
        ["John Doe", "John", "Doe", "john@doe.invalid"],
        ["Jane Doe", "Jane", "Doe", "jane@doe.invalid"],
    ]


def test_tab_comma_mixed_sample_is_read_as_tabs_like_thunderbird(samples: Path) -> None:
    # Thunderbird's own test expects the fourth record to split on tabs into 4,4,4,4,4@…
    table = read_csv(samples / (THUNDERBIRD + "tab_comma_mixed.csv"), has_header=False)
    rows = rows_of(table)
    assert (table.delimiter, table.format, len(table.headers)) == ("\t", "tsv", 5)
    assert len(rows) == 4
    assert rows[3].values == ["4", "4", "4", "4", "4@host.invalid"]
    assert rows[0].values[0].startswith("1,1,1,1,1@host.invalid")  # kept whole, not lost
    assert rows[0].problems == ["row has 1 cell, the header has 5"]


# --- encodings ----------------------------------------------------------------------------


def test_utf8_bom_is_removed_from_the_first_header(tmp_path: Path) -> None:
    table = read_csv(write(tmp_path, b"\xef\xbb\xbfName,E-mail\nAnn,ann@example.com\n"))
    assert (table.encoding, table.encoding_guessed) == ("utf-8-sig", False)
    assert table.headers == ["Name", "E-mail"]


def test_bom_is_removed_even_when_the_user_says_plain_utf8(tmp_path: Path) -> None:
    path = write(tmp_path, b"\xef\xbb\xbfName,E-mail\nAnn,ann@example.com\n")
    assert read_csv(path, encoding="utf8").headers == ["Name", "E-mail"]
    no_header = read_csv(path, encoding="utf8", has_header=False)
    assert rows_of(no_header)[0].values == ["Name", "E-mail"]


def test_utf8_sig_override_on_a_file_without_bom_loses_nothing(tmp_path: Path) -> None:
    table = read_csv(write(tmp_path, "Name,E-mail\nAnn,ann@example.com\n"), encoding="utf-8-sig")
    assert table.headers == ["Name", "E-mail"]


def test_excel_unicode_text_is_utf16_le_with_tabs(tmp_path: Path) -> None:
    text = "\ufeffName\tE-mail\tCompany\r\n山田 太郎\ttaro@example.jp\t株式会社サンプル, 東京\r\n"
    table = read_csv(write(tmp_path, text.encode("utf-16-le"), "contacts.txt"))
    assert (table.encoding, table.delimiter, table.format) == ("utf-16-le", "\t", "tsv")
    assert table.headers == ["Name", "E-mail", "Company"]
    assert rows_of(table)[0].values == ["山田 太郎", "taro@example.jp", "株式会社サンプル, 東京"]


def test_cp932_outlook_style_file_is_guessed_and_decoded(tmp_path: Path) -> None:
    text = (
        "姓,名,電子メール アドレス\r\n山田,太郎,taro@example.jp\r\n髙橋,①子,hanako@example.jp\r\n"
    )
    table = read_csv(write(tmp_path, text.encode("cp932")))
    assert (table.encoding, table.encoding_guessed) == ("cp932", True)
    assert [row.values[:2] for row in rows_of(table)] == [["山田", "太郎"], ["髙橋", "①子"]]


def test_encoding_override_and_its_aliases(tmp_path: Path) -> None:
    path = write(tmp_path, "Name\r\n山田太郎\r\n".encode("cp932"))
    for name in ("sjis", "Shift-JIS", "windows-31j", "cp932"):
        table = read_csv(path, encoding=name)
        assert (table.encoding, table.encoding_guessed) == ("cp932", False)
        assert rows_of(table)[0].values == ["山田太郎"]


def test_unknown_encoding_override_names_the_file(tmp_path: Path) -> None:
    with pytest.raises(ImportFileError, match=r"contacts\.csv: unknown encoding 'klingon'"):
        read_csv(write(tmp_path, "Name\nAnn\n"), encoding="klingon")


def test_undecodable_byte_in_the_declared_encoding_names_the_line(tmp_path: Path) -> None:
    # Valid cp1252 everywhere except one byte (0x81 is unassigned in cp1252) on line 5.
    data = b'Name,City\r\nJos\xe9,K\xf6ln\r\nAnn,"two\r\nlines"\r\nBob \x81,Paris\r\n'
    path = write(tmp_path, data)
    with pytest.raises(ImportFileError) as caught:
        rows_of(read_csv(path, encoding="cp1252"))
    assert caught.value.line == 5
    assert "contacts.csv, line 5" in str(caught.value)


def test_undecodable_byte_far_down_a_file_that_starts_as_utf8(tmp_path: Path) -> None:
    # The 64 KB sample is valid UTF-8, so UTF-8 is chosen; the stray cp1252 byte comes later.
    data = b"Name,E-mail\n" + b"Ann,ann@example.com\n" * 5000 + b"Ren\xe9,rene@example.com\n"
    table = read_csv(write(tmp_path, data))
    assert table.encoding == "utf-8"
    with pytest.raises(ImportFileError) as caught:
        for _ in table.rows():
            pass
    assert caught.value.line == 5002
    assert "0xE9" in str(caught.value)


# --- delimiters, quotes, lines --------------------------------------------------------------


@pytest.mark.parametrize("delimiter", [",", ";", "\t", "|"])
def test_delimiter_detection(tmp_path: Path, delimiter: str) -> None:
    lines = [["Name", "E-mail", "Note"], ["Ann", "ann@example.com", "likes, commas; and |"]]
    lines += [["Bob", "bob@example.com", ""], ["Cy", "cy@example.com", "x"]]
    text = "".join(
        delimiter.join(f'"{cell}"' if any(d in cell for d in ",;\t|") else cell for cell in row)
        + "\n"
        for row in lines
    )
    table = read_csv(write(tmp_path, text))
    assert table.delimiter == delimiter
    assert rows_of(table)[0].values == lines[1]


def test_detection_prefers_the_delimiter_every_row_agrees_on() -> None:
    text = "Name;Address\nAnn;1, Main Street\nBob;2, High Street, Flat 3\n"
    assert detect_delimiter(text) == ";"
    assert detect_delimiter("E-mail\nann@example.com\n") == ","
    assert detect_delimiter("E-mail\nann@example.com\n", default="\t") == "\t"


def test_delimiter_override(tmp_path: Path) -> None:
    path = write(tmp_path, "Name,Company\nAnn,Acme; Inc\n")
    table = read_csv(path, delimiter=";")
    assert table.delimiter == ";"
    assert table.headers == ["Name,Company"]
    assert rows_of(table)[0].values == ["Ann,Acme"] and rows_of(table)[0].extra == [" Inc"]


@pytest.mark.parametrize("typed", ["tab", "TAB", "\\t", "\t"])
def test_delimiter_override_by_name(tmp_path: Path, typed: str) -> None:
    table = read_csv(write(tmp_path, "Name,Company\tCity\nAnn,Acme\tOslo\n"), delimiter=typed)
    assert (table.delimiter, table.headers) == ("\t", ["Name,Company", "City"])


def test_quoted_newlines_give_the_line_where_each_row_starts(tmp_path: Path) -> None:
    text = (
        "Name,Address,Note\r\n"  # line 1
        'Ann,"1 Main St\r\nSpringfield",x\r\n'  # lines 2-3
        "\r\n"  # line 4, empty: skipped
        'Bob,"a\nb\nc",y\r\n'  # lines 5-7
        "Cy,plain,z\r\n"  # line 8
    )
    rows = rows_of(read_csv(write(tmp_path, text)))
    assert [(row.number, row.line) for row in rows] == [(1, 2), (2, 5), (3, 8)]
    assert rows[0].values[1] == "1 Main St\r\nSpringfield"
    assert rows[1].values[1] == "a\nb\nc"


def test_ragged_rows_are_padded_or_keep_their_extra_cells(tmp_path: Path) -> None:
    text = "A,B,C\n1,2\n1,2,3,4,5\n1,2,3\n"
    short, long, even = rows_of(read_csv(write(tmp_path, text)))
    assert short.values == ["1", "2", ""]
    assert short.problems == ["row has 2 cells, the header has 3"]
    assert long.values == ["1", "2", "3"] and long.extra == ["4", "5"]
    assert long.problems == ["row has 5 cells, the header has 3"]
    assert even.problems == [] and even.extra == []


def test_headers_are_cleaned_and_made_unique(tmp_path: Path) -> None:
    text = " Name ,E-mail,,E-mail, E-mail ,Column 3\nAnn,a,b,c,d,e\n"
    table = read_csv(write(tmp_path, text))
    assert table.headers == [
        "Name",
        "E-mail",
        "Column 3",
        "E-mail (2)",
        "E-mail (3)",
        "Column 3 (2)",
    ]
    assert make_headers(["", ""]) == ["Column 1", "Column 2"]


def test_blank_lines_are_skipped_and_rows_numbered_without_them(tmp_path: Path) -> None:
    rows = rows_of(read_csv(write(tmp_path, "\nName,City\n\n,\nAnn,Oslo\n \n")))
    assert [(row.number, row.line, row.values) for row in rows] == [(1, 5, ["Ann", "Oslo"])]


def test_no_header_counts_columns_from_the_widest_sample_row(tmp_path: Path) -> None:
    table = read_csv(write(tmp_path, "a,b\nc,d,e\n"), has_header=False)
    assert table.headers == ["Column 1", "Column 2", "Column 3"]
    assert [row.line for row in rows_of(table)] == [1, 2]


def test_tsv_extension_defaults_to_tabs_for_a_single_column(tmp_path: Path) -> None:
    table = read_csv(write(tmp_path, "E-mail\nann@example.com\n", "list.tsv"))
    assert (table.delimiter, table.format) == ("\t", "tsv")


def test_empty_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ImportFileError, match="empty"):
        read_csv(write(tmp_path, b"\r\n\r\n"))


def test_rows_can_be_read_again(tmp_path: Path) -> None:
    table = read_csv(write(tmp_path, "Name\nAnn\nBob\n"))
    assert (
        [r.values for r in table.rows()] == [r.values for r in table.rows()] == [["Ann"], ["Bob"]]
    )


# --- streaming --------------------------------------------------------------------------------


def test_a_large_file_is_streamed_not_loaded(tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    with open(path, "w", encoding="utf-8", newline="") as out:
        out.write("First Name,Last Name,E-mail,Phone,Note\r\n")
        out.writelines(
            f'Ann{i},Example,ann{i}@example.com,+8190{i:08d},"note {i}, with comma"\r\n'
            for i in range(200_000)
        )
    size = path.stat().st_size

    tracemalloc.start()
    try:
        table = read_csv(path)
        count, last = 0, None
        for row in table.rows():
            count, last = count + 1, row
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()

    assert count == 200_000 and last is not None and last.line == 200_001
    assert size > 15_000_000
    # About 0.5 MB (the 64 KB sample and its decoding, the reader's buffers) whatever the size.
    assert peak < size / 16, f"peak {peak} bytes for a {size}-byte file"


# --- open_table picks the reader ----------------------------------------------------------


@pytest.mark.parametrize("name", ["contacts.csv", "contacts.TSV", "contacts.txt"])
def test_open_table_reads_delimited_text(tmp_path: Path, name: str) -> None:
    table = open_table(write(tmp_path, "Name;City\nAnn;Oslo\n", name), delimiter=";")
    assert (table.format, table.headers) == ("csv", ["Name", "City"])


def test_open_table_passes_its_options_on(tmp_path: Path) -> None:
    path = write(tmp_path, "Ann\tOslo\n".encode("cp1252"), "list.txt")
    table = open_table(path, encoding="latin1", has_header=False)
    assert (table.encoding, table.delimiter, table.headers) == (
        "iso8859-1",
        "\t",
        ["Column 1", "Column 2"],
    )


def test_open_table_sends_vcards_to_the_vcard_reader(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[tuple[Path, str | None]] = []

    def read_vcard(path: Path, *, encoding: str | None = None) -> str:
        calls.append((path, encoding))
        return "vcard table"

    fake = types.ModuleType("hubdesk.core.io.vcard")
    fake.read_vcard = read_vcard  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "hubdesk.core.io.vcard", fake)
    card = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ann\r\nEND:VCARD\r\n"
    by_name = write(tmp_path, card, "ann.vcf")
    by_content = write(tmp_path, "exported by X\r\n\r\n" + card, "ann.txt")
    utf16 = write(tmp_path, card.encode("utf-16-le"), "phone.dat")
    for path in (by_name, by_content, utf16):
        assert open_table(path, encoding="utf-8") == "vcard table"
    assert calls == [(by_name, "utf-8"), (by_content, "utf-8"), (utf16, "utf-8")]


def test_open_table_refuses_what_it_does_not_know(tmp_path: Path) -> None:
    with pytest.raises(ImportFileError) as caught:
        open_table(write(tmp_path, "%PDF-1.7\n", "contacts.pdf"))
    assert "contacts.pdf: is not a format HubDesk imports" in str(caught.value)
    assert "CSV" in str(caught.value) and "vCard" in str(caught.value)
    with pytest.raises(ImportFileError, match=r"empty\.csv: the file is empty"):
        open_table(write(tmp_path, b"", "empty.csv"))
