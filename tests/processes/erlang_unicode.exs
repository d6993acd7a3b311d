# Normalization forms of :unicode, on every character of the covered
# blocks and on sequences of letters and marks.
ranges = [0xA0..0x4FF, 0x1E00..0x1FFF, 0x2000..0x24FF, 0x3000..0x30FF, 0xAC00..0xAC40, 0xD7A0..0xD7A3, 0xFB00..0xFB06, 0xFF01..0xFFEE]
for r <- ranges, cp <- r do
  forms = {:unicode.characters_to_nfc_list([cp]), :unicode.characters_to_nfd_list([cp]),
           :unicode.characters_to_nfkc_list([cp]), :unicode.characters_to_nfkd_list([cp])}
  if forms != {[cp], [cp], [cp], [cp]}, do: IO.puts("#{Integer.to_string(cp, 16)} #{inspect(forms, charlists: :as_lists)}")
end
seqs = ["e\u0302\u0323", "e\u0323\u0302", "a\u0301\u0301", "a\u0327\u0301", "a\u0301\u0327", "\u0301a", "o\u0308\u0304x", "\u1100\u1161\u11A8", "\u1100\u1161", "\uAC00\u11A8", "ﬁ\u0301", "A\u030angstro\u0308m", "\u212B", "\u1E9B\u0323", "\u0344", "K\u0301", "ｶﾞ", "か\u3099", "\u00bd", "i\u0307\u0301", "Å\u0323", "ǖ", "u\u0308\u0304", "x\u0308\u0323\u0301"]
for s <- seqs do
  IO.inspect({s, :unicode.characters_to_nfc_binary(s), :unicode.characters_to_nfd_binary(s), :unicode.characters_to_nfkc_binary(s), :unicode.characters_to_nfkd_binary(s)})
end
IO.inspect(:unicode.characters_to_nfc_list(["e", [0x301], "x"]))
IO.inspect(:unicode.characters_to_nfd_binary(["é", 'ñ']))
