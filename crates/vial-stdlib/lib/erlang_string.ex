# OTP's string module.
#
# The current API takes chardata (a binary, or a possibly nested list of
# characters and binaries) and works on grapheme clusters. A result has
# the type of the argument: a binary for a binary, a flat charlist for a
# list. (OTP returns nested chardata for some nested arguments; here
# those give the same text, flattened.) Graphemes are given as OTP gives
# them: a character, or a list of characters for a cluster of several.
#
# The old API (str, substr, strip, left, words, ...) takes flat
# charlists only, and fails as OTP's does on anything else.
defmodule :string do
  # Unicode Pattern_White_Space, with CR LF as one grapheme: what trim/1
  # removes.
  @whitespace [[13, 10], 9, 10, 11, 12, 13, 32, 133, 8206, 8207, 8232, 8233]

  # --- the current API -----------------------------------------------

  # The number of grapheme clusters.
  def length(s), do: String.length(text(s))

  # Whether the string has no characters.
  def is_empty(s), do: text(s) == ""

  # Whether two strings have the same characters.
  def equal(a, b), do: text(a) == text(b)

  # equal/2, ignoring case (by case folding) when `ignore_case` is true.
  def equal(a, b, ignore_case) when is_boolean(ignore_case), do: equal(a, b, ignore_case, :none)

  # equal/3 after normalizing both to `norm`: :none, :nfc, :nfd, :nfkc or
  # :nfkd.
  def equal(a, b, ignore_case, norm)
      when is_boolean(ignore_case) and norm in [:none, :nfc, :nfd, :nfkc, :nfkd] do
    {a, b} = {normalize(text(a), norm), normalize(text(b), norm)}
    if ignore_case, do: fold_text(a) == fold_text(b), else: a == b
  end

  # The graphemes in reverse order, as a list of graphemes.
  def reverse(s), do: s |> gcs() |> Enum.reverse()

  # The string in upper case.
  def uppercase(s), do: like(s, String.upcase(text(s)))

  # The string in lower case, character by character.
  def lowercase(s), do: like(s, map_chars(text(s), &String.downcase/1))

  # The string case-folded, for case-insensitive comparison.
  def casefold(s), do: like(s, fold_text(text(s)))

  # The first grapheme in title case, the rest as it is.
  def titlecase(s) do
    case String.next_grapheme(text(s)) do
      {first, rest} -> like(s, title(first) <> rest)
      nil -> s
    end
  end

  # The graphemes from index `start` (0-based) on, or `len` of them.
  def slice(s, start) when is_integer(start) and start >= 0, do: slice(s, start, :infinity)

  def slice(s, start, :infinity) when is_integer(start) and start >= 0,
    do: out(s, Enum.drop(gcs(s), start))

  def slice(s, start, len) when is_integer(start) and start >= 0 and is_integer(len) and len >= 0,
    do: out(s, s |> gcs() |> Enum.drop(start) |> Enum.take(len))

  # Two charlists joined.
  def concat(a, b), do: a ++ b

  # The string without leading and/or trailing whitespace (`dir` is
  # :both, :leading or :trailing), or without the graphemes in `chars`.
  def trim(s), do: trim(s, :both, @whitespace)
  def trim(s, dir), do: trim(s, dir, @whitespace)

  def trim(s, dir, chars) when dir in [:both, :leading, :trailing] and is_list(chars) do
    gs = gcs(s)
    gs = if dir in [:both, :leading], do: Enum.drop_while(gs, &(&1 in chars)), else: gs
    gs = if dir in [:both, :trailing], do: drop_trailing(gs, chars), else: gs
    out(s, gs)
  end

  # The string without its trailing newlines (\n and \r\n).
  def chomp(s), do: out(s, drop_trailing(gcs(s), [10, [13, 10]]))

  # The string split at the first (:leading), last (:trailing) or every
  # (:all) occurrence of `pattern`.
  def split(s, pattern), do: split(s, pattern, :leading)

  def split(s, pattern, where) do
    pat = gcs(pattern)
    gs = gcs(s)

    parts =
      case where do
        :leading -> if pat == [], do: nil, else: split_first(gs, pat)
        :trailing -> if pat == [], do: nil, else: split_last(gs, pat)
        :all -> if pat == [], do: nil, else: split_all(gs, pat, [], [])
      end

    case parts do
      nil -> [s]
      [_] -> [s]
      parts -> Enum.map(parts, &out(s, &1))
    end
  end

  # The string with `pattern` replaced at the first, last or every
  # occurrence, as a list of the pieces with `replacement` between them.
  def replace(s, pattern, replacement), do: replace(s, pattern, replacement, :leading)

  def replace(s, pattern, replacement, where),
    do: :lists.join(replacement, split(s, pattern, where))

  # The rest of the string from the first (or last) occurrence of
  # `pattern`, or :nomatch.
  def find(s, pattern), do: find(s, pattern, :leading)

  def find(s, pattern, dir) when dir in [:leading, :trailing] do
    pat = gcs(pattern)
    gs = gcs(s)
    split = if dir == :leading, do: &split_first/2, else: &split_last/2

    cond do
      pat == [] ->
        s

      true ->
        case split.(gs, pat) do
          [_before, rest] -> out(s, pat ++ rest)
          [_] -> :nomatch
        end
    end
  end

  # The rest of the string after `prefix`, or :nomatch.
  def prefix(s, prefix) do
    case gcs(prefix) do
      [] ->
        s

      pat ->
        case starts_with(gcs(s), pat) do
          {:ok, rest} -> out(s, rest)
          :error -> :nomatch
        end
    end
  end

  # {leading, rest}: the leading graphemes that are in `chars` (or, with
  # `complement`, are not); from the end with dir :trailing, as {rest,
  # trailing}.
  def take(s, chars), do: take(s, chars, false, :leading)
  def take(s, chars, complement), do: take(s, chars, complement, :leading)

  def take(s, chars, complement, dir)
      when is_list(chars) and is_boolean(complement) and dir in [:leading, :trailing] do
    taken? = fn g -> g in chars != complement end
    gs = gcs(s)

    case dir do
      :leading ->
        {lead, rest} = Enum.split_while(gs, taken?)
        {out(s, lead), out(s, rest)}

      :trailing ->
        {trail, rest} = gs |> Enum.reverse() |> Enum.split_while(taken?)
        {out(s, Enum.reverse(rest)), out(s, Enum.reverse(trail))}
    end
  end

  # The string padded with `char` (a space by default) to `len`
  # graphemes, at the end, start or both sides; as chardata.
  def pad(s, len), do: pad(s, len, :trailing, ?\s)
  def pad(s, len, dir), do: pad(s, len, dir, ?\s)

  def pad(s, len, dir, char) when is_integer(len) and dir in [:leading, :trailing, :both] do
    n = max(len - String.length(text(s)), 0)

    case dir do
      :trailing ->
        [s | List.duplicate(char, n)]

      :leading ->
        [List.duplicate(char, n), s]

      :both ->
        half = List.duplicate(char, div(n, 2))
        [half, s, half | if(rem(n, 2) == 1, do: [char], else: [])]
    end
  end

  # The runs of graphemes not among `separators` (a list of graphemes).
  def lexemes(s, separators) when is_list(separators),
    do: s |> gcs() |> lexeme_lists(separators) |> Enum.map(&out(s, &1))

  # The `n`th (1-based) of the lexemes, or an empty string.
  def nth_lexeme(s, n, separators) when is_integer(n) and n > 0 and is_list(separators) do
    case Enum.at(lexeme_lists(gcs(s), separators), n - 1) do
      nil -> out(s, [])
      lexeme -> out(s, lexeme)
    end
  end

  # The graphemes, as a list.
  def to_graphemes(s), do: gcs(s)

  # [first grapheme | rest], or [] for an empty string.
  def next_grapheme(s) do
    case String.next_grapheme(text(s)) do
      {g, rest} -> [gc(g) | like(s, rest)]
      nil -> []
    end
  end

  # [first character | rest], or [] for an empty string.
  def next_codepoint(s) when is_binary(s) do
    case String.next_codepoint(s) do
      {c, rest} -> [hd(String.to_charlist(c)) | rest]
      nil -> []
    end
  end

  def next_codepoint(s), do: String.to_charlist(text(s))

  # {integer, rest} from a leading (signed) integer, or an error:
  # {:error, :no_integer}, or {:error, :badarg} for what is not chardata.
  def to_integer(s) do
    case chars_of(s) do
      {:ok, chars} ->
        case parse_integer(chars) do
          {n, rest} -> {n, rest_like(s, rest)}
          :error -> {:error, :no_integer}
        end

      :error ->
        {:error, :badarg}
    end
  end

  # {float, rest} from a leading float (digits, a point, digits, and an
  # optional exponent), or {:error, :no_float} / {:error, :badarg}.
  def to_float(s) do
    case chars_of(s) do
      {:ok, chars} ->
        case parse_float(chars) do
          {f, rest} -> {f, rest_like(s, rest)}
          :error -> {:error, :no_float}
        end

      :error ->
        {:error, :badarg}
    end
  end

  # --- the old, charlist-only API ------------------------------------

  # The number of characters.
  def len(s), do: Kernel.length(s)

  # The 1-based index of the first (str) or last (rstr) occurrence of
  # `sub`, or 0.
  def str(s, sub) when is_list(s) and is_list(sub), do: first_index(s, sub, 1)

  def rstr(s, sub) when is_list(s) and is_list(sub) do
    case first_index(Enum.reverse(s), Enum.reverse(sub), 1) do
      0 -> 0
      i -> Kernel.length(s) - i - Kernel.length(sub) + 2
    end
  end

  # The 1-based index of the first (chr) or last (rchr) `char`, or 0.
  def chr(s, char) when is_integer(char), do: chr(s, char, 1)
  def rchr(s, char) when is_integer(char), do: rchr(s, char, 1, 0)

  # The characters from position `start` (1-based) on, or `len` of them.
  def substr(s, 1) when is_list(s), do: s
  def substr(s, start) when is_integer(start) and start > 1, do: substr2(s, start)

  def substr(s, start, len) when is_integer(start) and start >= 1 and is_integer(len) and len >= 0,
    do: Enum.take(substr2(s, start), len)

  # The characters from position `start` to the end, or to `stop`.
  def sub_string(s, start), do: substr(s, start)
  def sub_string(s, start, stop), do: substr(s, start, stop - start + 1)

  # `n` copies of the string, joined.
  def copies(s, n) when is_list(s) and is_integer(n) and n >= 0,
    do: s |> List.duplicate(n) |> Enum.concat()

  # `n` copies of a character, before `tail`.
  def chars(char, n), do: chars(char, n, [])

  def chars(char, n, tail) when is_integer(char) and is_integer(n) and n >= 0,
    do: List.duplicate(char, n) ++ tail

  # The length of the leading run of characters in (span) or not in
  # (cspan) `chars`.
  def span(s, chars) when is_list(chars), do: span(s, chars, 0)
  def cspan(s, chars) when is_list(chars), do: cspan(s, chars, 0)

  # The string without leading and/or trailing spaces (or `char`s); `dir`
  # is :left, :right or :both.
  def strip(s), do: strip(s, :both)
  def strip(s, :left), do: strip_left(s, ?\s)
  def strip(s, :right), do: strip_right(s, ?\s)
  def strip(s, :both), do: strip_right(strip_left(s, ?\s), ?\s)
  def strip(s, :left, char), do: strip_left(s, char)
  def strip(s, :right, char), do: strip_right(s, char)
  def strip(s, :both, char), do: strip_right(strip_left(s, char), char)

  # The string cut or padded (with spaces or `char`) to `n` characters,
  # kept at the left, at the right, or centred.
  def left(s, n), do: left(s, n, ?\s)

  def left(s, n, char) when is_integer(char) do
    l = Kernel.length(s)
    if l > n, do: substr(s, 1, n), else: s ++ chars(char, n - l)
  end

  def right(s, n), do: right(s, n, ?\s)

  def right(s, n, char) when is_integer(char) do
    l = Kernel.length(s)
    if l > n, do: substr2(s, l - n + 1), else: chars(char, n - l, s)
  end

  def centre(s, n), do: centre(s, n, ?\s)

  def centre(s, n, char) when is_integer(char) do
    l = Kernel.length(s)

    cond do
      l > n ->
        substr(s, div(l - n, 2) + 1, n)

      l < n ->
        lead = div(n - l, 2)
        chars(char, lead, s ++ chars(char, n - l - lead))

      true ->
        s
    end
  end

  # The number of words (runs of characters other than spaces, or `char`).
  def words(s), do: words(s, ?\s)

  def words(s, char) when is_integer(char),
    do: s |> strip(:both, char) |> Enum.chunk_by(&(&1 == char)) |> Enum.count(&(hd(&1) != char)) |> max(1)

  # The `n`th (1-based) word, or [].
  def sub_word(s, n), do: sub_word(s, n, ?\s)

  def sub_word(s, n, char) when is_integer(n) and is_integer(char),
    do: s_word(strip_left(s, char), n, char, 1, [])

  # A charlist's tokens: the runs of characters not in `separators`.
  def tokens(s, separators) when is_list(s) and is_list(separators) do
    s
    |> Enum.chunk_by(&(&1 in separators))
    |> Enum.reject(fn [c | _] -> c in separators end)
  end

  def tokens(_s, _separators), do: raise(FunctionClauseError, module: :lists, function: :reverse, arity: 1)

  # The strings joined with `sep` between them.
  def join([], _sep), do: []
  def join([last], _sep), do: last
  def join([first | rest], sep), do: first ++ sep ++ join(rest, sep)

  # Upper or lower case of a character or charlist, for ASCII and
  # Latin-1 letters only.
  def to_upper(c) when is_integer(c), do: upper_latin1(c)
  def to_upper(s) when is_list(s), do: Enum.map(s, &upper_latin1/1)
  def to_lower(c) when is_integer(c), do: lower_latin1(c)
  def to_lower(s) when is_list(s), do: Enum.map(s, &lower_latin1/1)

  # to_integer/1 and to_float/1 for a flat charlist; {:error,
  # :not_a_list} for anything else.
  def list_to_integer(s) when is_list(s) do
    case parse_integer(s) do
      {n, rest} -> {n, rest}
      :error -> {:error, :no_integer}
    end
  end

  def list_to_integer(_), do: {:error, :not_a_list}

  def list_to_float(s) when is_list(s) do
    case parse_float(s) do
      {f, rest} -> {f, rest}
      :error -> {:error, :no_float}
    end
  end

  def list_to_float(_), do: {:error, :not_a_list}

  # --- helpers: chardata ---------------------------------------------

  defp text(s) when is_binary(s), do: s
  defp text(s) when is_list(s), do: List.to_string(s)

  # A binary result given back in the argument's type.
  defp like(s, result) when is_binary(s), do: result
  defp like(_, result), do: String.to_charlist(result)

  # The graphemes of a string, each a character or a list of them.
  defp gcs(s), do: s |> text() |> String.graphemes() |> Enum.map(&gc/1)

  defp gc(g) do
    case String.to_charlist(g) do
      [c] -> c
      cs -> cs
    end
  end

  # Graphemes given back in the argument's type.
  defp out(s, gs) when is_binary(s), do: List.to_string(gs)
  defp out(_, gs), do: List.flatten(gs)

  defp map_chars(t, fun), do: t |> String.codepoints() |> Enum.map_join(fun)

  defp fold_text(t), do: map_chars(t, &(&1 |> String.downcase() |> String.upcase() |> String.downcase()))

  # Title case: the titlecase digraphs, else the first letter of the
  # upper case (so that ß gives Ss).
  defp title(g) do
    {c, rest} = String.next_codepoint(g)

    case hd(String.to_charlist(c)) do
      x when x in 0x1C4..0x1C6 -> "ǅ" <> rest
      x when x in 0x1C7..0x1C9 -> "ǈ" <> rest
      x when x in 0x1CA..0x1CC -> "ǋ" <> rest
      x when x in 0x1F1..0x1F3 -> "ǲ" <> rest
      _ ->
        {first, more} = String.next_codepoint(String.upcase(c))
        first <> String.downcase(more) <> rest
    end
  end

  defp drop_trailing(gs, chars), do: gs |> Enum.reverse() |> Enum.drop_while(&(&1 in chars)) |> Enum.reverse()

  # {:ok, rest} when `list` starts with `prefix`, else :error.
  defp starts_with(list, []), do: {:ok, list}
  defp starts_with([x | list], [x | prefix]), do: starts_with(list, prefix)
  defp starts_with(_, _), do: :error

  # [before, after] around the first occurrence of `pat`, or [gs].
  defp split_first(gs, pat), do: split_first(gs, pat, [])

  defp split_first([], _pat, acc), do: [Enum.reverse(acc)]

  defp split_first([g | rest] = gs, pat, acc) do
    case starts_with(gs, pat) do
      {:ok, after_} -> [Enum.reverse(acc), after_]
      :error -> split_first(rest, pat, [g | acc])
    end
  end

  defp split_last(gs, pat) do
    case split_first(Enum.reverse(gs), Enum.reverse(pat)) do
      [_] -> [gs]
      [after_, before] -> [Enum.reverse(before), Enum.reverse(after_)]
    end
  end

  defp split_all([], _pat, part, parts), do: Enum.reverse([Enum.reverse(part) | parts])

  defp split_all([g | rest] = gs, pat, part, parts) do
    case starts_with(gs, pat) do
      {:ok, after_} -> split_all(after_, pat, [], [Enum.reverse(part) | parts])
      :error -> split_all(rest, pat, [g | part], parts)
    end
  end

  defp lexeme_lists(gs, separators) do
    gs
    |> Enum.chunk_by(&(&1 in separators))
    |> Enum.reject(fn [g | _] -> g in separators end)
  end

  # --- helpers: numbers ----------------------------------------------

  # The characters of chardata, or :error for what is not chardata.
  defp chars_of(s) when is_binary(s), do: {:ok, String.to_charlist(s)}

  defp chars_of(s) when is_list(s) do
    try do
      {:ok, String.to_charlist(List.to_string(s))}
    rescue
      _ -> :error
    end
  end

  defp chars_of(_), do: :error

  defp rest_like(s, rest) when is_binary(s), do: List.to_string(rest)
  defp rest_like(_, rest), do: rest

  defp parse_integer([sign | rest]) when sign in [?+, ?-] do
    case digits(rest) do
      {[], _} -> :error
      {ds, rest} -> {if(sign == ?-, do: -1, else: 1) * List.to_integer(ds), rest}
    end
  end

  defp parse_integer(chars) do
    case digits(chars) do
      {[], _} -> :error
      {ds, rest} -> {List.to_integer(ds), rest}
    end
  end

  defp parse_float([sign | rest]) when sign in [?+, ?-] do
    case parse_unsigned_float(rest) do
      {f, rest} -> {if(sign == ?-, do: -f, else: f), rest}
      :error -> :error
    end
  end

  defp parse_float(chars), do: parse_unsigned_float(chars)

  # digits "." digits, then an exponent if a well-formed one follows.
  defp parse_unsigned_float(chars) do
    with {[_ | _] = whole, [?. | rest]} <- digits(chars),
         {[_ | _] = fraction, rest} <- digits(rest) do
      {exponent, rest} = exponent(rest)

      try do
        {:erlang.list_to_float(whole ++ [?. | fraction] ++ exponent), rest}
      rescue
        _ -> :error
      end
    else
      _ -> :error
    end
  end

  defp exponent([e | rest] = chars) when e in [?e, ?E] do
    {sign, after_sign} =
      case rest do
        [s | more] when s in [?+, ?-] -> {[s], more}
        _ -> {[], rest}
      end

    case digits(after_sign) do
      {[], _} -> {[], chars}
      {ds, more} -> {[?e | sign] ++ ds, more}
    end
  end

  defp exponent(chars), do: {[], chars}

  defp digits(chars), do: Enum.split_while(chars, &(is_integer(&1) and &1 in ?0..?9))

  # --- helpers: the old API ------------------------------------------

  defp first_index(_s, [], _i), do: 0
  defp first_index([], _sub, _i), do: 0

  defp first_index([_ | rest] = s, sub, i) do
    case starts_with(s, sub) do
      {:ok, _} -> i
      :error -> first_index(rest, sub, i + 1)
    end
  end

  defp chr([char | _], char, i), do: i
  defp chr([_ | rest], char, i), do: chr(rest, char, i + 1)
  defp chr([], _char, _i), do: 0

  defp rchr([char | rest], char, i, _last), do: rchr(rest, char, i + 1, i)
  defp rchr([_ | rest], char, i, last), do: rchr(rest, char, i + 1, last)
  defp rchr([], _char, _i, last), do: last

  defp substr2(s, 1) when is_list(s), do: s
  defp substr2([_ | rest], n) when n > 1, do: substr2(rest, n - 1)

  defp span([c | rest], chars, n) do
    if c in chars, do: span(rest, chars, n + 1), else: n
  end

  defp span([], _chars, n), do: n

  defp cspan([c | rest], chars, n) do
    if c in chars, do: n, else: cspan(rest, chars, n + 1)
  end

  defp cspan([], _chars, n), do: n

  defp strip_left([char | rest], char) when is_integer(char), do: strip_left(rest, char)
  defp strip_left(s, char) when is_list(s) and is_integer(char), do: s

  defp strip_right(s, char) when is_list(s) and is_integer(char),
    do: s |> Enum.reverse() |> Enum.drop_while(&(&1 == char)) |> Enum.reverse()

  # The `n`th word of `s` (which starts with no separator).
  defp s_word(s, n, char, _i, _acc) when is_integer(n) and n >= 1 do
    words = s |> Enum.chunk_by(&(&1 == char)) |> Enum.reject(&(hd(&1) == char))
    Enum.at(words, n - 1, [])
  end

  defp upper_latin1(c) when c in ?a..?z or (c in 0xE0..0xFE and c != 0xF7), do: c - 32
  defp upper_latin1(c), do: c
  defp lower_latin1(c) when c in ?A..?Z or (c in 0xC0..0xDE and c != 0xD7), do: c + 32
  defp lower_latin1(c), do: c

  # --- normalization -------------------------------------------------

  defp normalize(t, :none), do: t
  defp normalize(t, :nfc), do: :unicode.characters_to_nfc_binary(t)
  defp normalize(t, :nfd), do: :unicode.characters_to_nfd_binary(t)
  defp normalize(t, :nfkc), do: :unicode.characters_to_nfkc_binary(t)
  defp normalize(t, :nfkd), do: :unicode.characters_to_nfkd_binary(t)
end
