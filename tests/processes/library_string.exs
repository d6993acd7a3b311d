# String: next_grapheme_size/1, valid_character?/1 and the deprecated ljust/rjust/lstrip/rstrip/strip/to_char_list
for s <- ["", "abc", "éa", "e\u0301x", "\r\nx", "👨‍👩‍👧z", :erlang.list_to_binary([255, 97]), :erlang.list_to_binary([97, 255]), "🇺🇸🇫🇷"] do
  IO.inspect {s, String.next_grapheme_size(s), String.next_grapheme(s)}
end
for s <- ["", "a", "ab", "é", "e\u0301", :erlang.list_to_binary([255]), "🇺🇸"] do
  IO.inspect {s, String.valid_character?(s)}
end
IO.inspect String.ljust("ab", 5)
IO.inspect String.ljust("ab", 5, ?-)
IO.inspect String.rjust("ab", 5, ?é)
IO.inspect String.rjust("abcdef", 3)
IO.inspect String.lstrip("  \t ab  ")
IO.inspect String.lstrip("xxabx", ?x)
IO.inspect String.rstrip("  ab \n ")
IO.inspect String.rstrip("xxabxx", ?x)
IO.inspect String.strip(" ab ")
IO.inspect String.strip("éaé", ?é)
IO.inspect String.to_char_list("héllo")
try do String.ljust("a", -1) rescue e -> IO.inspect e end
try do String.ljust("a", 2, "x") rescue e -> IO.inspect e end
try do String.next_grapheme_size(1) rescue e -> IO.inspect e end
defmodule T do
  def run(label, f) do
    try do
      IO.inspect(f.(), label: label)
    rescue
      e -> IO.puts("#{label}: ** (#{inspect(e.__struct__)}) #{Exception.message(e)}")
    end
  end
end
T.run("ngs nil", fn -> String.next_grapheme_size(nil) end)
T.run("vc int", fn -> String.valid_character?(1) end)
T.run("ljust 0", fn -> String.ljust("abc", 0) end)
T.run("rjust 0", fn -> String.rjust("", 3, ?*) end)
T.run("rjust grapheme", fn -> String.rjust("é", 3) end)
T.run("rjust str pad", fn -> String.rjust("a", 3, "x") end)
T.run("lstrip str", fn -> String.lstrip("xxa", "x") end)
T.run("rstrip str", fn -> String.rstrip("axx", "x") end)
T.run("strip str", fn -> String.strip("xax", "x") end)
T.run("strip uni", fn -> String.strip("\u00A0 a \u2003") end)
T.run("to_char_list bad", fn -> String.to_char_list(:a) end)
for s <- ["", "abc", "héllo wörld", "  a b  ", "e\u0301x", "ÀÉÎ", "ß", "ǅ", "a\r\nb", "🇺🇸x"] do
  T.run("basic #{inspect s}", fn -> {String.length(s), String.upcase(s), String.downcase(s), String.capitalize(s), String.reverse(s), String.graphemes(s), String.codepoints(s), String.first(s), String.last(s), String.at(s, 1), String.at(s, -1)} end)
  T.run("slice #{inspect s}", fn -> {String.slice(s, 1, 2), String.slice(s, -2, 5), String.slice(s, 1..-1), String.slice(s, 5..1), String.slice(s, 0..10//2), String.split_at(s, 2), String.split_at(s, -1)} end)
  T.run("trim #{inspect s}", fn -> {String.trim(s), String.trim_leading(s), String.trim_trailing(s), String.pad_leading(s, 8), String.pad_trailing(s, 8, "-="), String.duplicate(s, 2)} end)
  T.run("split #{inspect s}", fn -> {String.split(s), String.split(s, ""), String.split(s, "l"), String.split(s, ["l", "o"], parts: 2), String.split(s, " ", trim: true)} end)
  T.run("pred #{inspect s}", fn -> {String.valid?(s), String.printable?(s), String.contains?(s, "l"), String.starts_with?(s, ["h", "a"]), String.ends_with?(s, "c"), String.equivalent?(s, s)} end)
  T.run("conv #{inspect s}", fn -> {String.to_charlist(s), String.replace(s, "l", "L"), String.replace(s, "", "."), String.myers_difference(s, "abd"), String.jaro_distance(s, "abc"), String.bag_distance(s, "hello")} end)
  T.run("next #{inspect s}", fn -> {String.next_grapheme(s), String.next_codepoint(s), String.chunk(s, :printable), String.splitter(s, " ") |> Enum.to_list()} end)
end
T.run("to_integer", fn -> {String.to_integer("-12"), String.to_integer("ff", 16), String.to_float("1.5e2"), String.to_atom("abc"), String.to_existing_atom("abc")} end)
T.run("to_integer bad", fn -> String.to_integer("1.5") end)
T.run("to_float bad", fn -> String.to_float("1") end)
T.run("replace opts", fn -> {String.replace("aaa", "a", "b", global: false), String.replace("abc", ["a", "c"], fn x -> x <> x end), String.replace_leading("aab", "a", "x"), String.replace_trailing("baa", "a", "x"), String.replace_prefix("ab", "a", ""), String.replace_suffix("ab", "b", "c")} end)
T.run("pad bad", fn -> String.pad_leading("a", 3, "") end)
T.run("dup neg", fn -> String.duplicate("a", -1) end)
T.run("slice neg step", fn -> String.slice("abc", 2..0//-1) end)
T.run("upcase modes", fn -> {String.upcase("iı", :turkic), String.downcase("IİΣ", :turkic), String.downcase("ΣΑΣ ΣΑΣ", :greek), String.capitalize("ǆx"), String.upcase("ß", :ascii)} end)
