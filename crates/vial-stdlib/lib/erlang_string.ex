# OTP's string module (the common functions): a string is chardata, a
# binary or a charlist, and a result has the argument's type.
defmodule :string do
  def length(s), do: String.length(text(s))
  def is_empty(s), do: text(s) == ""
  def equal(a, b), do: text(a) == text(b)
  def reverse(s), do: s |> text() |> String.reverse() |> String.to_charlist()
  def uppercase(s), do: like(s, String.upcase(text(s)))
  def lowercase(s), do: like(s, String.downcase(text(s)))
  def slice(s, start), do: like(s, String.slice(text(s), start..-1//1))
  def slice(s, start, len), do: like(s, String.slice(text(s), start, len))
  def concat(a, b) when is_list(a) and is_list(b), do: a ++ b

  def trim(s), do: trim(s, :both)
  def trim(s, :both), do: like(s, String.trim(text(s)))
  def trim(s, :leading), do: like(s, String.trim_leading(text(s)))
  def trim(s, :trailing), do: like(s, String.trim_trailing(text(s)))

  def split(s, sep), do: split(s, sep, :leading)

  def split(s, sep, where) do
    parts =
      case where do
        :leading -> String.split(text(s), text(sep), parts: 2)
        :all -> String.split(text(s), text(sep))
        :trailing -> split_last(text(s), text(sep))
      end

    Enum.map(parts, &like(s, &1))
  end

  # A charlist's tokens: the runs of characters not in `separators`.
  def tokens(s, separators) when is_list(s) and is_list(separators) do
    s
    |> Enum.chunk_by(&(&1 in separators))
    |> Enum.reject(fn [c | _] -> c in separators end)
  end

  def join([], sep) when is_list(sep), do: []
  def join([first | rest], sep) when is_list(sep), do: first ++ Enum.flat_map(rest, &(sep ++ &1))

  # {integer, rest} from a leading integer, or {:error, :no_integer}.
  def to_integer(s) do
    case Integer.parse(text(s)) do
      {n, rest} -> {n, like(s, rest)}
      :error -> {:error, :no_integer}
    end
  end

  def to_float(s) do
    case Float.parse(text(s)) do
      {f, rest} -> {f, like(s, rest)}
      :error -> {:error, :no_float}
    end
  end

  # The old list-only API: a charlist or a single character.
  def to_upper(c) when is_integer(c), do: hd(to_upper([c]))
  def to_upper(s) when is_list(s), do: String.to_charlist(String.upcase(List.to_string(s)))
  def to_lower(c) when is_integer(c), do: hd(to_lower([c]))
  def to_lower(s) when is_list(s), do: String.to_charlist(String.downcase(List.to_string(s)))
  def len(s) when is_list(s), do: String.length(List.to_string(s))

  # The first character in upper case, the rest as it is.
  def titlecase(s) do
    case String.next_grapheme(text(s)) do
      {first, rest} -> like(s, String.upcase(first) <> rest)
      nil -> s
    end
  end

  # The rest of `s` from the first (or last) occurrence of `pattern`, or
  # :nomatch.
  def find(s, pattern), do: find(s, pattern, :leading)

  def find(s, pattern, where) do
    {t, p} = {text(s), text(pattern)}

    case :binary.matches(t, p) do
      [] ->
        :nomatch

      found ->
        {at, _} = if where == :trailing, do: List.last(found), else: hd(found)
        like(s, binary_part(t, at, byte_size(t) - at))
    end
  end

  # The runs of characters not among `separators` (a list of characters).
  def lexemes(s, separators) when is_list(separators) do
    seps = Enum.map(separators, &List.to_string([&1]))
    s |> text() |> String.split(seps, trim: true) |> Enum.map(&like(s, &1))
  end

  # Without one trailing newline (\n or \r\n).
  def chomp(s) do
    t = text(s)

    cond do
      String.ends_with?(t, "\r\n") -> like(s, binary_part(t, 0, byte_size(t) - 2))
      String.ends_with?(t, "\n") -> like(s, binary_part(t, 0, byte_size(t) - 1))
      true -> s
    end
  end

  defp text(s) when is_binary(s), do: s
  defp text(s) when is_list(s), do: List.to_string(s)

  defp like(s, result) when is_binary(s), do: result
  defp like(_, result), do: String.to_charlist(result)

  defp split_last(s, sep) do
    case String.split(s, sep) do
      [_] -> [s]
      parts -> [Enum.join(Enum.drop(parts, -1), sep), List.last(parts)]
    end
  end
end
