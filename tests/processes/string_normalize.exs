# String.normalize/2 and String.equivalent?/2 through :unicode normalization.
IO.inspect(String.equivalent?("é", "e\u0301"))
IO.inspect(String.equivalent?("abc", "abd"))
IO.inspect(String.normalize("e\u0301", :nfc) |> String.length())
IO.inspect(String.normalize("é", :nfd) |> byte_size())
IO.inspect(String.normalize("ﬁ", :nfkc))
IO.inspect(String.normalize("Å", :nfkd) |> String.codepoints())
