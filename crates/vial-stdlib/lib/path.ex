# Path: manipulating paths as strings, Unix style (Elixir 1.14's Path),
# without touching the file system. Paths may be given as chardata
# (strings, charlists or mixed lists); results are strings. The rules for
# separators follow Elixir's own: repeated "/" are mostly kept, and only
# the functions that say so normalize a path.
#
# absname/1, expand/1 and relative_to_cwd/1 need the current directory
# for some paths; they ask File.cwd!/0 only then. wildcard/2 is not here
# (it reads the file system).
defmodule Path do
  # ---- joining and splitting -------------------------------------------------

  # The paths joined with "/" (see join/2); FunctionClauseError for [].
  def join([name]), do: IO.chardata_to_string(name)
  def join([left, right | rest]), do: join([join(left, right) | rest])

  # left and right joined with a single "/" between them: one trailing
  # "/" of left and one leading "/" of right give way to it, and one
  # trailing "/" of the result is dropped (never the root's). A right side
  # of just "/" drops every trailing "/" of left.
  def join(left, right) do
    left = IO.chardata_to_string(left)
    right = IO.chardata_to_string(right)

    cond do
      right == "/" -> trim_all_trailing(left)
      left == "" -> trim_one_trailing(trim_one_leading(right))
      true -> trim_one_trailing(drop_one_trailing(left) <> "/" <> trim_one_leading(right))
    end
  end

  # The components of a path, "/" first for an absolute one; empty
  # components (repeated or trailing "/") are left out.
  def split(path) do
    case IO.chardata_to_string(path) do
      "" -> []
      "/" <> rest -> ["/" | components(rest)]
      path -> components(path)
    end
  end

  # ---- parts of a path -----------------------------------------------------------

  # The last component ("" for "/" and "").
  def basename(path) do
    case split(path) do
      [] -> ""
      ["/"] -> ""
      parts -> List.last(parts)
    end
  end

  # The last component without extension when the path ends with it. As
  # in Elixir, the extension is matched against the path as given, so a
  # path with trailing "/" keeps its last component whole unless the
  # extension covers the slashes (where the bytes taken shift with them).
  def basename(path, extension) do
    path = IO.chardata_to_string(path)
    extension = IO.chardata_to_string(extension)
    base = basename(path)
    ext_size = byte_size(extension)

    if ext_size <= byte_size(base) and String.ends_with?(path, extension) do
      keep = byte_size(base) - ext_size
      stem = binary_part(path, 0, byte_size(path) - ext_size)
      binary_part(stem, byte_size(stem) - keep, keep)
    else
      base
    end
  end

  # Everything before the last "/", without trailing "/" ("/" for the
  # root, "." when there is no "/").
  def dirname(path) do
    path = IO.chardata_to_string(path)

    case last_slash(path) do
      nil ->
        "."

      pos ->
        case trim_all_trailing(binary_part(path, 0, pos)) do
          "" -> "/"
          dir -> dir
        end
    end
  end

  # The extension of the last component: from its last "." on ("" when it
  # has none, or only a leading one, or the path ends with "/").
  def extname(path) do
    segment = last_segment(IO.chardata_to_string(path))

    case last_dot(segment) do
      nil -> ""
      0 -> ""
      pos -> binary_part(segment, pos, byte_size(segment) - pos)
    end
  end

  # The path without the extension of its last component (a leading "."
  # counts as one only when the path has no "/").
  def rootname(path) do
    path = IO.chardata_to_string(path)

    case {last_dot(path), last_slash(path)} do
      {nil, _} -> path
      {dot, nil} -> binary_part(path, 0, dot)
      {dot, slash} when dot > slash + 1 -> binary_part(path, 0, dot)
      _ -> path
    end
  end

  # The path without extension when it ends with it.
  def rootname(path, extension) do
    path = IO.chardata_to_string(path)
    extension = IO.chardata_to_string(extension)

    if String.ends_with?(path, extension),
      do: binary_part(path, 0, byte_size(path) - byte_size(extension)),
      else: path
  end

  # :absolute when the path starts with "/", else :relative.
  def type(path) do
    if String.starts_with?(IO.chardata_to_string(path), "/"), do: :absolute, else: :relative
  end

  # ---- relative paths ----------------------------------------------------------

  # The path without its leading "/" ("." for the root itself).
  def relative(path) do
    case IO.chardata_to_string(path) do
      "/" -> "."
      "/" <> rest -> rest
      path -> path
    end
  end

  # The path relative to from when from's components start it ("." when
  # they are the same), else the path as it is. "." and ".." are compared
  # as any other component.
  def relative_to(path, from) do
    path = IO.chardata_to_string(path)

    case strip_components(split(path), split(from)) do
      {:ok, []} -> "."
      {:ok, rest} -> join(rest)
      :error -> path
    end
  end

  # The path relative to the current directory (a relative path is left
  # as it is, without asking for the directory).
  def relative_to_cwd(path) do
    case type(path) do
      :relative -> IO.chardata_to_string(path)
      :absolute -> relative_to(path, File.cwd!())
    end
  end

  # {:ok, the path with "." and ".." resolved} when it is relative and
  # never climbs above its start, else :error. Vial does not look for
  # symbolic links, which Elixir also checks.
  def safe_relative(path), do: safe_relative_to(path, ".")

  # As safe_relative/1; relative_to is where symbolic links would be
  # checked from.
  def safe_relative_to(path, _relative_to) do
    path = IO.chardata_to_string(path)

    if type(path) == :absolute,
      do: :error,
      else: safe_components(split(path), [])
  end

  defp safe_components([], acc), do: {:ok, acc |> :lists.reverse() |> join_components()}
  defp safe_components(["." | rest], acc), do: safe_components(rest, acc)
  defp safe_components([".." | _rest], []), do: :error
  defp safe_components([".." | rest], [_ | acc]), do: safe_components(rest, acc)
  defp safe_components([part | rest], acc), do: safe_components(rest, [part | acc])

  defp join_components([]), do: ""
  defp join_components(parts), do: join(parts)

  # ---- absolute paths ----------------------------------------------------------

  # The path made absolute against the current directory, without
  # resolving "..", "." or "~".
  def absname(path) do
    path = IO.chardata_to_string(path)
    if type(path) == :absolute, do: absname_join(path), else: absname(path, File.cwd!())
  end

  # The path put under relative_to unless it is absolute, with repeated
  # and trailing "/" and inner "." components dropped; ".." and "~" stay.
  def absname(path, relative_to) do
    path = IO.chardata_to_string(path)

    cond do
      type(path) == :absolute -> absname_join(path)
      path == "" -> absname_join(IO.chardata_to_string(relative_to))
      true -> absname_join(IO.chardata_to_string(relative_to) <> "/" <> path)
    end
  end

  # The absolute path with "~" expanded to the user's home and "." and
  # ".." resolved (".." stops at the root).
  def expand(path) do
    path = expand_home(IO.chardata_to_string(path))
    path |> absname() |> resolve_dots()
  end

  # As expand/1, a relative path being taken from relative_to (itself
  # expanded first).
  def expand(path, relative_to) do
    path = expand_home(IO.chardata_to_string(path))

    if type(path) == :absolute,
      do: resolve_dots(absname_join(path)),
      else: path |> absname(expand(relative_to)) |> resolve_dots()
  end

  defp expand_home("~"), do: System.user_home!()
  defp expand_home("~/" <> rest), do: System.user_home!() <> "/" <> rest
  defp expand_home(path), do: path

  # The normalization of absname/2: empty components dropped, and "."
  # components too except a leading one of a relative path and a last
  # one.
  defp absname_join(""), do: ""

  defp absname_join(path) do
    {absolute?, raw} =
      case String.split(path, "/") do
        ["" | rest] -> {true, rest}
        raw -> {false, raw}
      end

    last = length(raw) - 1

    kept =
      raw
      |> Enum.with_index()
      |> Enum.filter(fn
        {"", _} -> false
        {".", i} -> i == last or (i == 0 and not absolute?)
        _ -> true
      end)
      |> Enum.map(fn {part, _} -> part end)
      |> Enum.join("/")

    cond do
      absolute? -> "/" <> kept
      kept == "" -> "."
      true -> kept
    end
  end

  # An absolute path with "." and ".." resolved.
  defp resolve_dots(path) do
    parts =
      path
      |> components()
      |> Enum.reduce([], fn
        ".", acc -> acc
        "..", [] -> []
        "..", [_ | acc] -> acc
        part, acc -> [part | acc]
      end)

    "/" <> Enum.join(:lists.reverse(parts), "/")
  end

  # ---- helpers -----------------------------------------------------------------

  defp components(path), do: Enum.reject(String.split(path, "/"), &(&1 == ""))

  # {:ok, rest} when prefix starts parts.
  defp strip_components([part | parts], [part | prefix]), do: strip_components(parts, prefix)
  defp strip_components(parts, []), do: {:ok, parts}
  defp strip_components(_parts, _prefix), do: :error

  defp trim_one_leading("/" <> rest), do: rest
  defp trim_one_leading(path), do: path

  # One trailing "/" dropped, the root kept.
  defp trim_one_trailing("/"), do: "/"
  defp trim_one_trailing(path), do: drop_one_trailing(path)

  # One trailing "/" dropped, the root's too.
  defp drop_one_trailing(path) do
    if String.ends_with?(path, "/"),
      do: binary_part(path, 0, byte_size(path) - 1),
      else: path
  end

  # Every trailing "/" dropped, the root kept.
  defp trim_all_trailing(path) do
    case trim_one_trailing(path) do
      ^path -> path
      "/" -> "/"
      trimmed -> trim_all_trailing(trimmed)
    end
  end

  # What follows the last "/" (the whole path when there is none).
  defp last_segment(path) do
    case last_slash(path) do
      nil -> path
      pos -> binary_part(path, pos + 1, byte_size(path) - pos - 1)
    end
  end

  defp last_slash(path), do: last_match(path, "/")
  defp last_dot(path), do: last_match(path, ".")

  # The byte position of the last occurrence of char, or nil.
  defp last_match(path, char) do
    case :binary.matches(path, char) do
      [] -> nil
      matches -> matches |> List.last() |> elem(0)
    end
  end
end
