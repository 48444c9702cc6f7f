# dpo import: a register kept in a spreadsheet (XLSX, ODS) made into a workspace.
sheetimport-at = { $sheet }, row { $row }, column { $column }: { $why }
sheetimport-at-row = { $sheet }, row { $row }: { $why }
sheetimport-not-placed = not imported: { $message }
sheetimport-no-field = “{ $value }”: column “{ $header }” is no field; say which in the mapping file (--mapping)
sheetimport-no-controller = “{ $value }”: no controller on this row
sheetimport-no-category = “{ $value }”: no category of processing on this row
sheetimport-no-transfer = “{ $value }”: safeguards without a transfer on this row
sheetimport-f14i-transfer-unread = “{ $value }”: neither “none” (or “n/a”, “not applicable”…) nor a “country: recipient” line; this transfer is not imported, to complete
sheetimport-differs = “{ $value }” differs from the value of row { $first }, which is kept
sheetimport-bad-date = “{ $value }” is not a date
sheetimport-bad-number = “{ $value }” is not a whole number of months
sheetimport-unknown-name = “{ $value }” is not in sheet “{ $sheet }”
sheetimport-ambiguous-name = “{ $value }” names several rows of sheet “{ $sheet }”
sheetimport-no-sheet = “{ $value }”: this sheet is not one of dpo's register
sheetimport-instruction-transfer = “{ $value }”: a transfer logged with instruction { $instruction }, which is not in the controller file
sheetimport-unusable = `{ $file }` is not a readable workbook (XLSX or ODS): { $detail }
sheetimport-no-layout = `{ $file }`: no sheet has the columns of dpo's register or of the authority's register model
sheetimport-no-layout-hint = name the columns in a mapping file: `dpo import FILE --into DIR --mapping mapping.yaml`
sheetimport-into-not-empty = `{ $path }` already exists and is not empty; import writes a new workspace and overwrites nothing
sheetimport-done = Workspace created in `{ $dir }` from `{ $file }` (SHA-256 { $sha256 }): { $controllers ->
    [0] no controller
    [one] one controller
   *[other] { $controllers } controllers
  }, { $problems ->
    [0] every value placed
    [one] one value not imported (above)
   *[other] { $problems } values not imported (above)
  }{ $reported ->
    [0] {""}
    [one] , one value imported and reported (above)
   *[other] , { $reported } values imported and reported (above)
  }
sheetimport-check-failed = `dpo check` finds { $errors ->
    [one] one error
   *[other] { $errors } errors
  } in `{ $dir }` (above): complete the files it names
# The headers of the processor's register model (GDPR Art. 30(2)).
sheetimport-apd-controller = Name of the controller
sheetimport-apd-controller-contact = Contact details of the controller
sheetimport-apd-representative = Controller's representative
sheetimport-apd-dpo = Controller's data protection officer
sheetimport-apd-category = Categories of processing
sheetimport-apd-description = Description of the processing
sheetimport-apd-data-categories = Categories of data
sheetimport-apd-transfers = Transfers to a third country or an international organisation
sheetimport-apd-safeguards = Appropriate safeguards
sheetimport-apd-measures = General description of the technical and organisational security measures
sheetimport-apd-convention-title = Agreement
sheetimport-apd-convention-start = Start of the agreement
sheetimport-apd-convention-months = Term of the agreement (months)
# Part f14: what the import reports besides.
sheetimport-f14-other-controller = “{ $value }”: this row is not the sheet's controller's (“{ $id }”); it is not imported
sheetimport-f14-not-kept = “{ $value }” differs from the value kept (“{ $kept }”) on the sheet “{ $sheet }”; change it there
sheetimport-f14-not-kept-todo = “{ $value }” differs from the value kept ({ $kept }) on the sheet “{ $sheet }”; change it there
sheetimport-f14-misaligned = “{ $value }”: { $lines } lines for { $countries } countries; the transfers are not imported (one line per transfer, a line break inside a value is written \n)
sheetimport-f14-placeholder = missing: the file holds the words "to be completed" instead of a value; documents would show them as a fact; give the value
sheetimport-f14-formula = “{ $value }”: a formula whose computed value the file does not keep; open and save the file in a spreadsheet program, or write the value
sheetimport-f14-none-and-listed = “{ $value }” contradicts row { $first }: one says there is no transfer, the other lists some; neither is kept
sheetimport-f14-duplicate-category = “{ $value }”: this category of processing is already on row { $first } for this controller; the row is not imported
sheetimport-f14-extra-column = “{ $value }”: this column is not one of dpo's register; its values are not imported, the rest of the sheet is
sheetimport-f14-encrypted = the file is protected by a password (or it is an old XLS workbook); save it without a password as XLSX or ODS
sheetimport-f14-corrupt = the file is damaged or of another format (neither a readable XLSX nor a readable ODS archive)
sheetimport-f14-mark-dropped = “{ $value }”: this field cannot be marked “to be confirmed” in the file; the value is imported without the mark: “{ $kept }”, for you to confirm
sheetimport-f14-controller-not-imported = a category of the controller “{ $value }”, which is not imported (sheet “{ $sheet }”, row { $row }); nor is it
# Part f14b: what the import reports besides (second review).
sheetimport-f14b-reported = reported, imported: { $message }
sheetimport-f14b-above-header = “{ $value }”: above the header row (row { $header }); this value is not imported
sheetimport-f14b-bad-field = “{ $value }”: column “{ $header }” cannot take this value; it is not imported, the rest of the record is
sheetimport-f14b-bad-id = “{ $value }”: an identifier is written in lower case, digits and hyphens (“acme-sas”); column “{ $header }” does not take it, this value is not imported, the rest of the record is
sheetimport-f14b-bad-language = “{ $value }”: the language is written “fr” or “en”; this value is not imported, the rest of the record is
sheetimport-f14b-record-lost = “{ $value }”: the record of this row cannot be read; none of its values is imported
sheetimport-f14b-id-made = “{ $value }” is not an identifier (lower case, digits and hyphens); the row is imported with the identifier “{ $id }”
sheetimport-f14b-id-made-empty = the identifier is not given; the row is imported with the identifier “{ $id }”, made from its name
sheetimport-f14b-field-twice = “{ $value }”: this field is already on row { $first }, whose value is kept
sheetimport-f14b-bad-count = “{ $value }” is not a whole number
sheetimport-f14b-bad-renewal = “{ $value }”: a renewal is written “date, months, reference”; this line is not imported, the others are
sheetimport-f14b-no-field-unnamed = “{ $value }”: this column has no header and is no field; name it in the mapping file (--mapping)
sheetimport-f14b-no-controller-id = no row gives the controller's identifier, and { $named ->
    [yes] neither the name “{ $value }” on the first row
   *[other] neither the name column, empty,
  } nor the sheet's name is that of a controller imported; this sheet's categories are not imported (each is named at its row)
sheetimport-f14b-duplicate-row-value = “{ $value }”: a value of a category of processing already given on row { $first }; it is not imported
sheetimport-f14b-case-merged = “{ $value }”: the same name as “{ $kept }” (row { $first }) but for case; both rows are one controller, named “{ $kept }”
sheetimport-f14b-cut = “{ $value }”: the text was cut on export (an XLSX cell keeps at most 32,767 characters); it is imported as it is, complete it in the file
sheetimport-f14b-mapping-absent = the mapping names the column “{ $header }”, which no cell of the header row holds; check its spelling
sheetimport-f14b-mapping-at = mapping file `{ $file }:{ $line }:{ $column }`: { $why }; possible fields: { $fields }
sheetimport-f14b-mapping-key = unknown key “{ $value }”: the mapping file has only the key “columns”
sheetimport-f14b-mapping-field = “{ $value }” (column “{ $header }”) is not a field of the authority's model
sheetimport-f14b-mapping-shape = the mapping file is a list “columns:” of lines “header: field”
sheetimport-f14b-into-workspace = `{ $path }` is inside the workspace `{ $workspace }`; the import writes a new workspace elsewhere
sheetimport-f14b-json = `dpo import` has no JSON output; run it again without --json
sheetimport-f14b-other-sheet = “{ $value }”: only the sheet “{ $sheet }”, with the columns of the authority's register model, is read; the values of this sheet are not imported
sheetimport-f14b-safeguards-lines = “{ $value }”: { $lines } lines of safeguards for { $transfers ->
    [one] one transfer; the whole cell is imported for that transfer, to be corrected
   *[other] { $transfers } transfers; the whole cell is imported for each transfer, to be shared out
  }
sheetimport-f14c-no-header = “{ $value }”: this column has no header; the value is not imported
sheetimport-f14c-no-key = “{ $value }”: this row's key (column C) is empty; it names no field of the processor and is not imported
sheetimport-f14c-unknown-key = “{ $value }”: the key “{ $key }” (column C) is not a field of the processor; the row is not imported
sheetimport-f14c-id-from-sheet = “{ $value }”: the id is empty; the one the sheet “{ $sheet }” gives is kept
# Part f14d: what the import also reports (third review).
sheetimport-f14d-noted = noted: { $message }
sheetimport-f14d-safeguards-dropped = “{ $value }”: safeguards of this row's transfers, which row { $first } contradicts (no transfer); neither the transfers nor their safeguards are imported
sheetimport-f14d-stale-copy = “{ $value }”: a copy, on { $rows ->
    [one] this row
   *[other] the { $rows } rows of this sheet
  }, of a value of the sheet “{ $sheet }”, where the value kept is “{ $kept }”; change it there
sheetimport-f14d-stale-copy-todo = “{ $value }”: a copy, on { $rows ->
    [one] this row
   *[other] the { $rows } rows of this sheet
  }, of a value of the sheet “{ $sheet }”, where the value kept is { $kept }; change it there
sheetimport-f14d-unnamed-one = “{ $value }” is not in the sheet “{ $sheet }”; the record “{ $id }”, the only one of that sheet whose name is empty, is taken; give it its name back there (or correct this name)
sheetimport-f14d-unnamed-many = “{ $value }” is not in the sheet “{ $sheet }”, where several records have an empty name ({ $ids }); give its name back to the one this name means, or write its id here instead, then import again; this reference is not imported
# Part f14e: what the import also reports (fourth review).
sheetimport-f14e-header-twice = “{ $value }”: column { $first } already gives the field of this column, “{ $header }”; only column { $first } is read, this value is not imported
sheetimport-f14e-header-twice-empty = the header “{ $header }” is already column { $first }'s; this column, empty, is not read
sheetimport-f14e-category-twice = “{ $value }”: the sheet “{ $sheet }” already gives this category of this controller; this row is not imported
sheetimport-f14e-transfers-twice = “{ $value }”: this controller's transfers are those of the sheet “{ $sheet }”; this different value is not imported
sheetimport-f14e-blank-id = category
sheetimport-f14e-id-made-blank = neither identifier nor name on this row, which has other values; it is imported with the identifier “{ $id }”, its name is to complete
sheetimport-f14e-time-dropped = “{ $value }”: this field is a date; the date is imported, the time is not kept
sheetimport-f14e-phone-number = “{ $value }”: a phone number typed as a number; it is imported as it is, but the spreadsheet may have taken off a leading 0: check it
# Part f14f: what the import also says (fifth review).
sheetimport-f14f-transfers-left = “{ $value }”: none of these transfers is imported; this controller's transfers stay { $kept }, not “none”
sheetimport-f14f-transfer-copy = { $value }: a copy, on { $rows ->
    [one] this row
   *[other] { $rows } rows of this sheet
  }, of the transfers of row { $first }, which are kept; that is where they are changed
sheetimport-f14f-renewal-not-date = “{ $value }”: “{ $date }” is not a date (yyyy-mm-dd or dd/mm/yyyy); this renewal is not imported, the others are
sheetimport-f14g-mark-inside = “{ $value }”: the “(to be confirmed)” mark is not written as dpo writes it (in brackets, at the end of the line); it is read as the mark: the field stays to be confirmed and its value is imported without the mark: “{ $kept }”
sheetimport-f14g-repeat-merged = “{ $value }” is named twice in this cell; it is imported once
# Part f14h: a year never guessed (sixth review).
sheetimport-f14h-short-year = “{ $value }”: the year “{ $year }” is written in two digits and is not guessed; write it in full (for example 2021)
sheetimport-f14h-too-early = “{ $value }”: a date before 1900 is no date of this register; check the year
sheetimport-f14h-renewal-short-year = “{ $value }”: “{ $date }”: the year “{ $year }” is written in two digits and is not guessed; write it in full (for example 2021); this renewal is not imported, the others are
sheetimport-f14h-renewal-too-early = “{ $value }”: “{ $date }”: a date before 1900 is no date of this register; this renewal is not imported, the others are
sheetimport-f14i-measure-list = “{ $value }”: imported as one measure with this title, although a “;”, a “,”, a tab or several spaces in it separate what looks like two measures; if there are two, put one per line
sheetimport-f14i-measure-merged = “{ $value }”: the same measure, but for case and spaces, as “{ $kept }” (row { $first }); it is one measure, titled “{ $kept }”
sheetimport-f14i-measure-id-made = “{ $value }”: the identifier “{ $base }” is already another measure's; this one is imported with the identifier “{ $id }”
sheetimport-f14i-no-key-column = the “key” column of the sheet “{ $value }” is gone; each row is known by its field label (column A), as the export writes it
sheetimport-f14i-unknown-label = “{ $value }”: without the “key” column a row is known by its field label (column A), and this one is no field of the processor; the value is not imported (give the label back its original text)
sheetimport-f14i-safeguards-unread = “{ $value }”: the safeguards of a transfer not imported (see the transfers column) are not imported either
# Part f14k: what a contact or transfers cell cannot hold (seventh review).
sheetimport-f14k-contact-email = “{ $value }”: a contact has one e-mail address; “{ $kept }” is imported, { $n ->
    [one] this one is not
   *[other] these { $n } others are not
  }
sheetimport-f14k-contact-phone = “{ $value }”: a contact has one phone number; “{ $kept }” is imported, { $n ->
    [one] this one is not
   *[other] these { $n } others are not
  }
sheetimport-f14k-none-line = “{ $value }”: this line says there is no transfer, beside other lines of the same cell; it is not imported, and each other line is read as a transfer

# Part f14j: "to be completed" among other words, the words for "no transfer", names but for case (seventh review).
sheetimport-f14j-none-contradicted = “{ $value }”: this country says there is no transfer, but the row gives one (“{ $other }”); neither is imported: this controller's transfers stay { $kept }
sheetimport-f14j-no-recipient = “{ $value }”: a transfer with no recipient; it is imported, its recipient to be completed
sheetimport-f14j-name-case = “{ $value }”: found in sheet “{ $sheet }” but for case and accents, named “{ $kept }”; that name is kept
# Part f14l: two transfers on one line (eighth review).
sheetimport-f14l-transfer-list = “{ $value }”: one transfer is imported, to “{ $country }”, as typed, although a “{ $sep }” separates what looks like two transfers; if there are two, put one per line
# Part f14n: a contact cell, a transfer saying "none" (eighth review).
sheetimport-f14n-contact-line = “{ $value }”: a contact has one name; “{ $kept }” (the first line) is imported, this line is not (neither as the name, nor as a role, nor as an address)
sheetimport-f14n-contact-number = “{ $value }”: this line holds a number but is neither a phone alone nor an e-mail address; it is not taken as the name and is not imported
sheetimport-f14n-contact-fax = “{ $value }”: a fax number is not the contact's phone; it is not imported
sheetimport-f14n-recipient-none = “{ $value }”: the recipient says there is no transfer, but a country is given; this line contradicts itself and is not imported, to be completed
# Part f14m: "to be completed" without losing facts, the own layout's transfers, check (eighth review).
sheetimport-f14m-todo-line = “{ $value }”: a line of this cell only says a value still to give (“to be completed”, “?”, “TBD”, “pending”…); it is not imported, the other lines are
sheetimport-f14m-todo-kept = “{ $value }”: holds the words “to be completed”; imported as typed; `dpo check` reports it while they are there
sheetimport-f14m-no-country = “{ $value }”: a transfer with no country; it is imported, its country to be completed
sheetimport-f14m-country-list = “{ $value }”: one transfer is imported, to this country as typed, although a “{ $sep }” separates what looks like two countries; if there are two, put one per line, in each transfer column
sheetimport-f14m-none-recipient = “{ $value }”: this recipient says there is none, but the row gives a country (“{ $country }”); neither is imported: this controller's transfers stay { $kept }
sheetimport-f14m-none-unclear = “{ $value }”: this country starts with a negation without clearly saying there is no transfer, and nothing else is given on the row; it is not imported: this controller's transfers stay { $kept } (type “none” if there are none)
check-f14m-transfer-empty = a transfer with no { $field ->
    [country] country
   *[recipient] recipient
  }: to be completed; { $shown ->
    [empty] the register would show it empty
   *[other] the register would show “{ $shown }” where it must state a fact
  }
check-f14m-phone = “{ $value }”: not a phone number ({ $why ->
    [at] it holds an e-mail address
    [letters] it holds letters
   *[digits] more than 15 digits: probably two numbers
  }); give one number
# Part f14o: ninth review.
sheetimport-f14o-contact-none = “{ $value }” reads as “none”: it is no name and is not imported; the field stays “to be completed” (the register cannot say there is none)
sheetimport-f14s-invisible = “{ $value }”: { $n ->
    [one] a character that does not show ({ $codes }) is
   *[other] { $n } characters that do not show ({ $codes }) are
  } left out of this cell, which is imported without { $n ->
    [one] it
   *[other] them
  }: the value imported is the one that shows
check-f14s-invisible = “{ $value }”: { $n ->
    [one] this text holds a character that does not show
   *[other] this text holds { $n } characters that do not show
  } ({ $codes }); a name holding one looks like another name, or like none, and an address holding one receives nothing
# Part f14q: the authority layout's transfers cell (tenth review).
sheetimport-f14q-label-line = “{ $value }”: “{ $label }” is { $kind ->
    [digit] a heading or a reference (it holds a digit)
   *[label] a heading
  }, not a country; this line is no transfer and is not imported
sheetimport-f14q-form-pair = “{ $value }”: these two lines are read as one transfer, to “{ $country }”, recipient “{ $recipient }”; check it
sheetimport-f14q-contact-obfuscated = “{ $value }”: looks like an e-mail address written without “@”; it is not imported (write it with “@”)
# Part f14r: tenth review, transfer lines.
sheetimport-f14r-no-country-recipient = “{ $value }”: a transfer with no country and no recipient; it is imported, its country and recipient to be completed
sheetimport-f14r-one-line = “{ $value }”: one line for { $transfers } transfers; it is imported for the first ({ $first }), the others stay to be completed
sheetimport-f14t-safeguards-todo = “{ $value }”: { $lines } lines of safeguards, one of them “to be completed”, for { $transfers } transfers; which transfer each belongs to is not known: they are not imported, to be completed (one line a transfer, in the transfers' order)
# Part f14u: eleventh review.
sheetimport-f14u-no-country = “{ $value }”: { $todo ->
    [yes] this transfer's country is to complete
   *[no] “{ $country }” is no known country (nor a known heading)
  }; this line is not imported as a transfer, to complete (write “country: recipient”, for instance “United States: Microsoft”)
sheetimport-f14u-form-half = “{ $value }”: { $half ->
    [recipient] a recipient without a “Country: …” line above or below it
   *[country] a country without a “Recipient: …” line below or above it
  }; this line is not imported as a transfer, to complete (write “country: recipient”, for instance “United States: Microsoft”)
sheetimport-f14u-own-country = “{ $value }” is no known country; it is imported as typed as this transfer's country: check it (one country a line, without a heading, for instance “United States”)
sheetimport-f14u-mark-only = “{ $value }”: this line is only the mark “to be confirmed”; it is not imported as a value, the field is marked to be confirmed
sheetimport-f14u-mark-only-category = “{ $value }”: this cell is only the mark “to be confirmed”; the category has no name and this row is not imported
check-f14u-doubt-name = “{ $value }”: this text ends with a doubt mark; a spreadsheet exported then imported reads it as the mark “to be confirmed” and takes it out of the text: write the text without it and, if it is to be confirmed, add this field to “to_confirm”
sheetimport-f14u-own-mark-words = “{ $value }”: { $only ->
    [yes] this line is only the words of the mark “to be confirmed”
   *[no] holds the words of the mark “to be confirmed” among others
  }; imported as typed, the field is not marked to be confirmed (the mark is written “(to be confirmed)” at the end of the value): check it
sheetimport-f14u-category-id-made = “{ $value }”: the id “{ $base }” is already another category's of this controller (a name differing only by accents, case or punctuation?); this one is imported with the id “{ $id }”: check they are not the same
# Part f14v: fourteenth review.
sheetimport-f14v-contact-mixed = “{ $value }”: this line holds an e-mail address among other words; the address “{ $mail }” is taken from it, the rest of the line is not imported (one line for each name, phone and address)
sheetimport-f14v-mapping-twin = “{ $value }” and “{ $other }” are one header (case and spaces do not count) mapped to two different fields; keep one
sheetimport-f14v-bad-email = “{ $value }”: this is not an e-mail address (one address, of the form name@domain.org); imported as typed, “dpo check” refuses it: correct it
sheetimport-f14v-name-spaces = “{ $value }”: a controller's name is written on one line, with single spaces; it is imported so: “{ $kept }”
sheetimport-f14v-merged-across = “{ $value }”: a cell merged over columns { $first } to { $last }; its value is read in column { $first } only, the merge's other columns read as empty (one value a column: unmerge to fill them)
sheetimport-f14v-fact-mark-only = “{ $value }”: this cell is only the mark “to be confirmed”, which this field cannot bear in the file; nothing is imported, the field stays to be completed
sheetimport-f14v-contact-mark = “{ $value }”: this line is only the mark “to be confirmed”, which a contact cannot bear in the file; it is not imported (nor as a name): for you to confirm
sheetimport-f14v-boolean = “{ $value }”: a TRUE/FALSE cell (a boolean); it is read as the text “{ $value }”: check the value
sheetimport-f14v-date-in-text = “{ $value }”: a date or time cell in a text field (a reference the spreadsheet took for a date?); it is imported as the text “{ $value }” (the date written YYYY-MM-DD, the time HH:MM:SS), whatever the spreadsheet shows: check it
sheetimport-f14v-hidden = “{ $value }”: a value hidden under a merged cell (the spreadsheet shows only the merge's first cell); it is not imported: unmerge to see and keep it
sheetimport-f14w-error = “{ $value }”: a spreadsheet error value (a formula that failed); it is not imported: fix the formula or write the value
sheetimport-f14w-header-down = “{ $value }”: the header (row { $header }) merged down over this data cell; the cell is read as empty
sheetimport-f14w-header-row = this row is only the header (row { $header }) merged down; it is read as empty
sheetimport-f14w-escaped = “{ $value }”: read as the export writes it: “\n” is a line break inside an item and “\\” one backslash; to keep a backslash as typed, double it
sheetimport-f14w-controller-id-made = “{ $value }”: the id “{ $base }” is already that of the controller “{ $first }” (a name differing only in accents, apostrophes or punctuation?); this one is imported apart, with the id “{ $id }”: check they are not the same
sheetimport-f14w-hidden-row = this row is hidden in the spreadsheet; it is read as the others: check it should be
sheetimport-f14w-hidden-column = column { $column } is hidden in the spreadsheet; it is read as the others: check it should be
sheetimport-f14w-fewer-lines = “{ $value }”: { $lines } lines for { $transfers } transfers; they are read in the transfers' order, the last ones left to complete
sheetimport-f14w-transfer-again = “{ $value }”: the same country and recipient as a transfer of row { $first }, written or safeguarded otherwise; both are imported: check whether it is the same transfer
sheetimport-f14x-mark-only-transfer = “{ $value }”: this line is only the mark “to be confirmed”; it is not imported as a value, it marks the safeguards of the transfer “{ $transfer }” to be confirmed, which are left to be completed
sheetimport-f14x-mark-only-each = “{ $value }”: this line is only the mark “to be confirmed”; it is not imported as a value, it marks to be confirmed the safeguards { $n ->
    [one] of the transfer “{ $transfer }”
   *[other] of each of the { $n } transfers of the row
  }{ $has ->
    [yes] : “{ $kept }”
   *[other] , which are left to be completed
  }
sheetimport-f14x-note = note on the cell: “{ $value }”; notes are not imported: copy what it says into a field if need be
sheetimport-f14y-untyped = “{ $value }”: a text cell with no value type (a file written by a program other than a spreadsheet); it is read as this text: check the value
sheetimport-f14y-controller-id-twice = “{ $value }”: this id is already that of the controller on row { $row }; their two files would have the same name and one would erase the other: this one is imported apart, with the id “{ $id }” (without the categories of processing, which go to the first): check that they are not the same (a row copied?)
sheetimport-f14y-controller-same-name = “{ $value }”: the same name as the controller “{ $first }” on row { $row } (but for case, accents or punctuation); both are imported apart: check that they are not the same
sheetimport-f14y-none-beside-todo = “{ $value }”: one line says there is no transfer, another that the value is still to give (“?”, “to be completed”); neither is imported: this controller's transfers stay to be completed
sheetimport-f14y-merged-down-field = “{ $value }”: a cell merged over rows { $first } to { $last }; in this sheet each row is another field: its value is read on row { $first } only, the fields of the rows below are read as empty (unmerge to fill them)
sheetimport-f14y-row-controller-blank = “{ $value }”: this row does not say whose it is (its controller id is blank); the category is imported for the sheet's controller, “{ $id }”: check it
sheetimport-f14y-record-id-twice = “{ $value }”: this id is already that of row { $row }; this record is imported apart, with the id “{ $id }”, and the categories naming it by its name find it; those that write “{ $value }” mean row { $row }: check them
sheetimport-f14z-renewal-joined = “{ $value }”: this line seems to give two renewals (a date and a number of months follow the first); write one renewal a line: this line is not imported, the others are
sheetimport-f14z-renewals-todo = “{ $value }”: the renewals decided cannot be left to complete; none is imported, and the convention's end is reckoned as if none had been decided: give them, one a line (date, months, reference), or empty the cell if there is none
sheetimport-f14z-sheet-two-controllers = “{ $value }”: no row gives the controller's identifier, and this name is “{ $column }” where the sheet's name is “{ $title }”; this sheet's categories are not imported (each is named at its row): give the controller's identifier on each row
sheetimport-f14z-category-no-controller = “{ $value }”: this category is not imported, since the sheet does not say which controller it belongs to
sheetimport-f14z-edition-not-carried = “{ $value }”: the register's edition is not carried, for it counts the registers a workspace issued; this new workspace's next register is edition 1
sheetimport-f14z-made-id-typed = “{ $value }”: no row of the file has this identifier; the import gave it to row { $row } of the sheet “{ $sheet }”, whose identifier was already taken, and that record is the one kept: check it
sheetimport-f14z-row-controller-unknown = “{ $value }”: no controller has this identifier (the sheet is “{ $id }”'s); this row is not imported: correct the identifier
sheetimport-f14z-names-joined = “{ $value }”: read as { $count } names separated by “;” (this register expects one a line): check them
sheetimport-f14z-list-none-beside-todo = “{ $value }”: one line says there is none, another that the value is still to give; neither is imported: the list stays to be completed
sheetimport-f14z-list-none-unclear = “{ $value }”: this value names no item without saying plainly that there is none; it is not imported and the list stays to be completed: write “none” if there is none, or the items, one a line
sheetimport-f14z-list-none-among = “{ $value }”: “{ $none }” names no item (it says there is none, or none yet) where the other lines name some; that line is not imported, the others are
sheetimport-f14z-renewal-twice = “{ $value }”: the same renewal (same date, same length) as a line above; it counts once, this line is not imported
sheetimport-f14z-struck = “{ $value }”: this text is struck through in the file; it is imported as the rest: if it no longer holds, remove it
sheetimport-f14z-link = “{ $value }”: this cell carries a link to “{ $target }”, which is not imported (its text is): if the link gives a value, an address for instance, type it in its column
sheetimport-f14z-struck-rule = a conditional format may strike through the text of cells { $range } ({ $count ->
    [one] one cell with a value
   *[other] { $count } cells with a value
  }) depending on what they hold; dpo does not evaluate such rules: their values are imported as the rest: if a struck value no longer holds, remove it
sheetimport-f14z-struck-header = “{ $value }”: this column header is struck through in the file; the column is read as the others: if it no longer holds, empty it
sheetimport-f14z-data-list = “{ $value }”: imported as one value, as typed, although a “;”, a “,”, a tab or several spaces in it separate what looks like two values; if there are two, put one per line
sheetimport-tab-sign = ⇥ (tab)
sheetimport-spaces-sign = ␣␣␣ (several spaces)
sheetimport-f14z-number-shown = “{ $value }”: the spreadsheet shows this number { $shown }; it is imported as “{ $value }” (a leading 0, a percentage, a text around the number are not kept): check it
sheetimport-shown-format = through the format “{ $code }”
sheetimport-shown-text = as “{ $text }”
sheetimport-f14z-extra-column-value = “{ $value }”: a value of the column “{ $header }”, which is no column of dpo's register; it is not imported
