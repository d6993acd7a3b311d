# String: the String functions written over the BIFs (Elixir 1.14
# `lib/elixir/lib/string.ex`): those with options or function arguments,
# and the ones composed of others. length/upcase/split/1,2/slice/3 and the
# rest of the basics are BIFs (replace/3 with a string replacement too);
# searching uses the `:binary` BIFs.
defmodule String do
  # The parts split/3 gives, for enumerating: Elixir returns a lazy stream,
  # Vial the list (the same elements in the same order to every Enum and
  # Stream function).
  def splitter(string, pattern, options \\ []) when is_binary(string) and is_list(options),
    do: split(string, pattern, options)

  # The shortest edit script turning string1 into string2, by graphemes:
  # :eq, :del and :ins runs as strings (see List.myers_difference/2).
  def myers_difference(string1, string2) when is_binary(string1) and is_binary(string2) do
    for {kind, run} <- List.myers_difference(String.graphemes(string1), String.graphemes(string2)),
        do: {kind, IO.iodata_to_binary(run)}
  end

  # Splits at each match of pattern (a string or list of strings); options
  # `parts:` (at most that many parts) and `trim:` (drop empty parts).
  def split(string, pattern, options) when is_binary(string) and is_list(options) do
    parts = Keyword.get(options, :parts, :infinity)
    trim = Keyword.get(options, :trim, false)

    case pattern do
      "" ->
        index = parts_to_index(parts)

        if trim == false and index != 1 do
          ["" | split_empty(String.graphemes(string), trim, index - 1)]
        else
          split_empty(String.graphemes(string), trim, index)
        end

      [] ->
        if string == "" and trim, do: [], else: [string]

      _ ->
        case {parts, trim} do
          {:infinity, false} -> :binary.split(string, pattern, [:global])
          {:infinity, true} -> :binary.split(string, pattern, [:global, :trim_all])
          {2, false} -> :binary.split(string, pattern)
          _ -> split_each(string, pattern, trim, parts_to_index(parts))
        end
    end
  end

  defp parts_to_index(:infinity), do: 0
  defp parts_to_index(n) when is_integer(n) and n > 0, do: n

  defp split_empty(graphemes, trim, 1) do
    rest = Enum.join(graphemes)
    if rest == "" and trim, do: [], else: [rest]
  end

  defp split_empty([grapheme | rest], trim, count),
    do: [grapheme | split_empty(rest, trim, count - 1)]

  defp split_empty([], trim, _count), do: split_empty([], trim, 1)

  defp split_each("", _pattern, true, 1), do: []
  defp split_each(string, _pattern, _trim, 1) when is_binary(string), do: [string]

  defp split_each(string, pattern, trim, count) do
    case splitter(string, pattern, trim) do
      {head, tail} -> [head | split_each(tail, pattern, trim, count - 1)]
      nil -> []
    end
  end

  defp splitter(:nomatch, _pattern, _trim), do: nil
  defp splitter("", _pattern, false), do: {"", :nomatch}
  defp splitter("", _pattern, true), do: nil

  defp splitter(bin, pattern, trim) do
    case :binary.split(bin, pattern) do
      ["", second] when trim -> splitter(second, pattern, trim)
      [first, second] -> {first, second}
      [first] -> {first, :nomatch}
    end
  end

  # {the first position graphemes, the rest} (negative counts from the end).
  def split_at(string, position) when is_binary(string) and is_integer(position) do
    graphemes = String.graphemes(string)
    position = if position < 0, do: length(graphemes) + position, else: position

    if position < 0 do
      {"", string}
    else
      {left, right} = Enum.split(graphemes, position)
      {Enum.join(left), Enum.join(right)}
    end
  end

  # The graphemes at the indexes of a range (negative indexes count from the
  # end; a step takes every step-th).
  def slice(string, %{__struct__: Range, first: first, last: last, step: step} = range)
      when is_binary(string) do
    if step < 0 and not (step == -1 and first > last) do
      raise ArgumentError,
            "String.slice/2 does not accept ranges with negative steps, got: " <> inspect(range)
    end

    Enum.join(Enum.slice(String.graphemes(string), first..last//abs(step)))
  end

  # Replaces every match of pattern with replacement, a string (natively)
  # or a function of the matched part.
  def replace(subject, pattern, replacement) when is_binary(replacement),
    do: :vial_string.replace(subject, pattern, replacement)

  def replace(subject, pattern, replacement), do: replace(subject, pattern, replacement, [])

  # Replaces matches of pattern with replacement, a string or a function of
  # the matched part; option `global: false` replaces only the first.
  def replace(subject, pattern, replacement, options)
      when is_binary(subject) and (is_binary(replacement) or is_function(replacement, 1)) and
             is_list(options) do
    global = Keyword.get(options, :global, true)

    cond do
      pattern == "" and replacement == "" ->
        subject

      pattern == [] ->
        subject

      pattern == "" ->
        rep = if is_binary(replacement), do: fn _ -> replacement end, else: replacement

        if global do
          parts = Enum.flat_map(String.graphemes(subject), fn g -> [g, rep.("")] end)
          :erlang.iolist_to_binary([rep.("") | parts])
        else
          rep.("") <> subject
        end

      true ->
        matches =
          if global do
            :binary.matches(subject, pattern)
          else
            case :binary.match(subject, pattern) do
              :nomatch -> []
              match -> [match]
            end
          end

        :erlang.iolist_to_binary(do_replace(subject, matches, replacement, 0))
    end
  end

  defp do_replace(subject, [], _replacement, n),
    do: [:binary.part(subject, n, byte_size(subject) - n)]

  defp do_replace(subject, [{start, length} | matches], replacement, n) do
    prefix = :binary.part(subject, n, start - n)

    middle =
      if is_binary(replacement),
        do: replacement,
        else: replacement.(:binary.part(subject, start, length))

    [prefix, middle | do_replace(subject, matches, replacement, start + length)]
  end

  # Replaces every leading occurrence of match with replacement.
  def replace_leading(string, match, replacement)
      when is_binary(string) and is_binary(match) and is_binary(replacement) do
    if match == "" do
      raise ArgumentError, "cannot use an empty string as the match to replace"
    end

    {count, rest} = count_leading(string, match, byte_size(match), 0)
    String.duplicate(replacement, count) <> rest
  end

  defp count_leading(string, match, size, n) do
    if byte_size(string) >= size and :binary.part(string, 0, size) == match,
      do: count_leading(:binary.part(string, size, byte_size(string) - size), match, size, n + 1),
      else: {n, string}
  end

  # Replaces every trailing occurrence of match with replacement.
  def replace_trailing(string, match, replacement)
      when is_binary(string) and is_binary(match) and is_binary(replacement) do
    if match == "" do
      raise ArgumentError, "cannot use an empty string as the match to replace"
    end

    {count, rest} = count_trailing(string, match, byte_size(match), 0)
    rest <> String.duplicate(replacement, count)
  end

  defp count_trailing(string, match, size, n) do
    total = byte_size(string)

    if total >= size and :binary.part(string, total - size, size) == match,
      do: count_trailing(:binary.part(string, 0, total - size), match, size, n + 1),
      else: {n, string}
  end

  # Replaces match at the start of string (once) with replacement.
  def replace_prefix(string, match, replacement)
      when is_binary(string) and is_binary(match) and is_binary(replacement) do
    size = byte_size(match)

    if byte_size(string) >= size and :binary.part(string, 0, size) == match,
      do: replacement <> :binary.part(string, size, byte_size(string) - size),
      else: string
  end

  # Replaces match at the end of string (once) with replacement.
  def replace_suffix(string, match, replacement)
      when is_binary(string) and is_binary(match) and is_binary(replacement) do
    size = byte_size(match)
    total = byte_size(string)

    if total >= size and :binary.part(string, total - size, size) == match,
      do: :binary.part(string, 0, total - size) <> replacement,
      else: string
  end

  # The string without leading and trailing occurrences of to_trim.
  def trim(string, to_trim) when is_binary(string) and is_binary(to_trim),
    do: string |> trim_leading(to_trim) |> trim_trailing(to_trim)

  # The string without leading occurrences of to_trim.
  def trim_leading(string, to_trim) when is_binary(string) and is_binary(to_trim),
    do: replace_leading(string, to_trim, "")

  # The string without trailing occurrences of to_trim.
  def trim_trailing(string, to_trim) when is_binary(string) and is_binary(to_trim),
    do: replace_trailing(string, to_trim, "")

  # {first grapheme, rest of the string}, or nil for "".
  def next_grapheme(string) when is_binary(string) do
    case String.graphemes(string) do
      [] -> nil
      [grapheme | _] -> {grapheme, drop_bytes(string, byte_size(grapheme))}
    end
  end

  # {first codepoint, rest of the string}, or nil for "".
  def next_codepoint(string) when is_binary(string) do
    case String.codepoints(string) do
      [] -> nil
      [codepoint | _] -> {codepoint, drop_bytes(string, byte_size(codepoint))}
    end
  end

  defp drop_bytes(string, n), do: :binary.part(string, n, byte_size(string) - n)

  # {byte size of the first grapheme, rest of the string}, or nil for ""
  # (deprecated in Elixir for next_grapheme/1).
  def next_grapheme_size(string) when is_binary(string) do
    case next_grapheme(string) do
      {grapheme, rest} -> {byte_size(grapheme), rest}
      nil -> nil
    end
  end

  # Whether the string is exactly one valid codepoint (deprecated in
  # Elixir for valid?/1).
  def valid_character?(string) when is_binary(string) do
    case next_codepoint(string) do
      {codepoint, ""} -> valid?(codepoint)
      _ -> false
    end
  end

  def valid_character?(_term), do: false

  # The deprecated padding and trimming functions, whose pad or char
  # argument is a single codepoint (an integer).

  # subject padded with pad on the right to length graphemes.
  def ljust(subject, length), do: ljust(subject, length, ?\s)

  def ljust(subject, length, pad) when is_integer(length) and length >= 0 and is_integer(pad),
    do: String.pad_trailing(subject, length, List.to_string([pad]))

  # subject padded with pad on the left to length graphemes.
  def rjust(subject, length), do: rjust(subject, length, ?\s)

  def rjust(subject, length, pad) when is_integer(length) and length >= 0 and is_integer(pad),
    do: String.pad_leading(subject, length, List.to_string([pad]))

  # The string without leading whitespace, or leading chars.
  def lstrip(string), do: String.trim_leading(string)
  def lstrip(string, char) when is_integer(char),
    do: trim_leading(string, List.to_string([char]))

  # The string without trailing whitespace, or trailing chars.
  def rstrip(string), do: String.trim_trailing(string)
  def rstrip(string, char) when is_integer(char),
    do: trim_trailing(string, List.to_string([char]))

  # The string without leading and trailing whitespace, or chars.
  def strip(string), do: String.trim(string)
  def strip(string, char) when is_integer(char), do: trim(string, List.to_string([char]))
  def strip(_string, _char), do: raise(ArgumentError)

  # The charlist of the string (deprecated for to_charlist/1).
  def to_char_list(string), do: String.to_charlist(string)

  # The atom of the string if it exists (ArgumentError otherwise).
  def to_existing_atom(string), do: :erlang.binary_to_existing_atom(string, :utf8)

  # Whether string is valid UTF-8.
  def valid?(string) when is_binary(string) do
    try do
      String.to_charlist(string)
      true
    rescue
      _ -> false
    end
  end

  # Whether every character (up to character_limit of them) is printable.
  def printable?(string, character_limit \\ :infinity)
      when is_binary(string) and
             (character_limit == :infinity or
                (is_integer(character_limit) and character_limit >= 0)) do
    try do
      String.to_charlist(string)
    rescue
      _ -> false
    else
      chars -> printable_chars?(chars, character_limit)
    end
  end

  defp printable_chars?(_chars, 0), do: true
  defp printable_chars?([], _limit), do: true

  defp printable_chars?([char | rest], limit) do
    if printable_char?(char),
      do: printable_chars?(rest, if(limit == :infinity, do: limit, else: limit - 1)),
      else: false
  end

  defp printable_char?(c) when c >= 32 and c <= 126, do: true
  defp printable_char?(c) when c in [10, 13, 9, 11, 8, 12, 27, 127, 7], do: true
  defp printable_char?(c) when c >= 160 and c <= 55295, do: true
  defp printable_char?(c) when c >= 57344 and c <= 65533, do: true
  defp printable_char?(c) when c >= 65536 and c <= 1_114_111, do: true
  defp printable_char?(_), do: false

  # Whether the strings are canonically equivalent: equal in
  # normalization form D (see :unicode for the characters it covers).
  def equivalent?(string1, string2) when is_binary(string1) and is_binary(string2),
    do: normalize(string1, :nfd) == normalize(string2, :nfd)

  # The string in Unicode normalization form :nfd, :nfc, :nfkd or :nfkc.
  def normalize(string, :nfd) when is_binary(string), do: :unicode.characters_to_nfd_binary(string)
  def normalize(string, :nfc) when is_binary(string), do: :unicode.characters_to_nfc_binary(string)

  def normalize(string, :nfkd) when is_binary(string),
    do: :unicode.characters_to_nfkd_binary(string)

  def normalize(string, :nfkc) when is_binary(string),
    do: :unicode.characters_to_nfkc_binary(string)

  # The bag distance (similarity) of two strings, from 0.0 to 1.0: one
  # less the larger count of graphemes one has and the other lacks, over
  # the longer length.
  def bag_distance(_string, ""), do: 0.0
  def bag_distance("", _string), do: 0.0

  def bag_distance(string1, string2) when is_binary(string1) and is_binary(string2) do
    {bag1, bag2} = {bag(string1), bag(string2)}
    lacking = max(bag_difference(bag1, bag2), bag_difference(bag2, bag1))
    1 - lacking / max(String.length(string1), String.length(string2))
  end

  defp bag(string), do: string |> String.graphemes() |> Enum.frequencies()

  defp bag_difference(bag1, bag2),
    do: Enum.reduce(bag1, 0, fn {g, n}, sum -> sum + max(n - Map.get(bag2, g, 0), 0) end)

  # The string split where its codepoints change between having the trait
  # (`:valid`: every codepoint of a string is; `:printable`) and not.
  def chunk("", trait) when trait in [:valid, :printable], do: []
  def chunk(string, :valid) when is_binary(string), do: [string]

  def chunk(string, :printable) when is_binary(string) do
    string
    |> String.codepoints()
    |> Enum.chunk_by(&String.printable?/1)
    |> Enum.map(&Enum.join/1)
  end

  # The Jaro distance (similarity) of two strings, from 0.0 to 1.0.
  def jaro_distance(string, string), do: 1.0
  def jaro_distance(_string, ""), do: 0.0
  def jaro_distance("", _string), do: 0.0

  def jaro_distance(string1, string2) when is_binary(string1) and is_binary(string2) do
    chars1 = String.graphemes(string1)
    chars2 = String.graphemes(string2)
    len1 = length(chars1)
    len2 = length(chars2)

    case jaro_match(chars1, len1, chars2, len2) do
      {0, _trans} -> 0.0
      {comm, trans} -> (comm / len1 + comm / len2 + (comm - trans) / comm) / 3
    end
  end

  defp jaro_match(chars1, len1, chars2, len2) do
    if len1 < len2 do
      jaro_match(chars1, chars2, div(len2, 2) - 1)
    else
      jaro_match(chars2, chars1, div(len1, 2) - 1)
    end
  end

  defp jaro_match(chars1, chars2, lim) do
    jaro_match(chars1, chars2, {0, lim}, {0, 0, -1}, 0)
  end

  defp jaro_match([char | rest], chars0, range, state0, idx) do
    {chars, state} = jaro_submatch(char, chars0, range, state0, idx)

    case range do
      {lim, lim} -> jaro_match(rest, tl(chars), range, state, idx + 1)
      {pre, lim} -> jaro_match(rest, chars, {pre + 1, lim}, state, idx + 1)
    end
  end

  defp jaro_match([], _, _, {comm, trans, _}, _), do: {comm, trans}

  defp jaro_submatch(char, chars0, {pre, _} = range, state, idx) do
    case jaro_detect(char, chars0, range) do
      nil ->
        {chars0, state}

      {subidx, chars} ->
        {chars, jaro_proceed(state, idx - pre + subidx)}
    end
  end

  defp jaro_detect(char, chars, {pre, lim}), do: jaro_detect(char, chars, pre + 1 + lim, 0, [])

  defp jaro_detect(_char, _chars, 0, _idx, _acc), do: nil
  defp jaro_detect(_char, [], _lim, _idx, _acc), do: nil

  defp jaro_detect(char, [char | rest], _lim, idx, acc),
    do: {idx, :lists.reverse(acc, [nil | rest])}

  defp jaro_detect(char, [other | rest], lim, idx, acc),
    do: jaro_detect(char, rest, lim - 1, idx + 1, [other | acc])

  defp jaro_proceed({comm, trans, former}, current) do
    if current < former do
      {comm + 1, trans + 1, current}
    else
      {comm + 1, trans, current}
    end
  end

  # The :ascii mode changes only the ASCII letters; :turkic maps the
  # dotted and dotless i as Turkish does (i and İ, ı and I); :greek lowers
  # a capital sigma that ends a word, after a cased letter, to ς.
  def upcase(s, :ascii) when is_binary(s), do: ascii_case(s, ?a..?z, -32)
  def upcase(s, :turkic) when is_binary(s), do: s |> String.replace("i", "İ") |> String.upcase()
  def upcase(s, mode) when is_binary(s) and is_atom(mode), do: String.upcase(s)
  def downcase(s, :ascii) when is_binary(s), do: ascii_case(s, ?A..?Z, 32)
  def downcase(s, :greek) when is_binary(s), do: greek_downcase(String.codepoints(s), nil, [])

  def downcase(s, :turkic) when is_binary(s),
    do: s |> String.replace("I", "ı") |> String.replace("İ", "i") |> String.downcase()

  def downcase(s, mode) when is_binary(s) and is_atom(mode), do: String.downcase(s)

  def capitalize(s, :ascii) when is_binary(s) do
    case String.next_codepoint(s) do
      {first, rest} -> upcase(first, :ascii) <> downcase(rest, :ascii)
      nil -> ""
    end
  end

  def capitalize(s, :turkic) when is_binary(s) do
    case String.next_grapheme(s) do
      {"i", rest} -> "İ" <> downcase(rest, :turkic)
      {first, rest} -> String.capitalize(first) <> downcase(rest, :turkic)
      nil -> ""
    end
  end

  def capitalize(s, :greek) when is_binary(s) do
    case String.next_grapheme(s) do
      {first, rest} -> String.capitalize(first) <> greek_downcase(String.codepoints(rest), first, [])
      nil -> ""
    end
  end

  def capitalize(s, mode) when is_binary(s) and is_atom(mode), do: String.capitalize(s)

  defp greek_downcase([], _previous, acc), do: acc |> Enum.reverse() |> Enum.join()

  defp greek_downcase(["Σ" | rest], previous, acc) do
    final = previous != nil and cased?(previous) and not (rest != [] and cased?(hd(rest)))
    greek_downcase(rest, "Σ", [if(final, do: "ς", else: "σ") | acc])
  end

  defp greek_downcase([c | rest], _previous, acc),
    do: greek_downcase(rest, c, [String.downcase(c) | acc])

  defp cased?(c), do: String.upcase(c) != String.downcase(c)

  defp ascii_case(s, letters, shift) do
    s
    |> String.to_charlist()
    |> Enum.map(fn c -> if c in letters, do: c + shift, else: c end)
    |> List.to_string()
  end
end
