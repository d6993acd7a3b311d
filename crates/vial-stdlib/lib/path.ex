# Path: manipulating paths as strings, Unix style (Elixir 1.14
# `lib/elixir/lib/path.ex`), without touching the file system.
defmodule Path do
  def join([name]), do: IO.chardata_to_string(name)
  def join([a, b | rest]), do: join([join(a, b) | rest])

  def join(left, right) do
    left = IO.chardata_to_string(left)
    right = right |> IO.chardata_to_string() |> String.trim_leading("/")

    cond do
      right == "" -> strip_trailing(left)
      left == "" -> right
      strip_trailing(left) == "/" -> "/" <> right
      true -> strip_trailing(left) <> "/" <> right
    end
  end

  def split(path) do
    case IO.chardata_to_string(path) do
      "" -> []
      "/" <> rest -> ["/" | Enum.reject(String.split(rest, "/"), &(&1 == ""))]
      path -> Enum.reject(String.split(path, "/"), &(&1 == ""))
    end
  end

  def basename(path) do
    case path |> IO.chardata_to_string() |> String.split("/") |> Enum.reject(&(&1 == "")) do
      [] -> ""
      parts -> List.last(parts)
    end
  end

  def basename(path, extension) do
    base = basename(path)
    extension = IO.chardata_to_string(extension)

    if extension != "" and String.ends_with?(base, extension),
      do: String.slice(base, 0, String.length(base) - String.length(extension)),
      else: base
  end

  def dirname(path) do
    case path |> IO.chardata_to_string() |> String.split("/") do
      [_] -> "."
      ["", _] -> "/"
      parts -> parts |> Enum.drop(-1) |> Enum.join("/") |> strip_trailing()
    end
  end

  def extname(path) do
    base = basename(path)

    case String.split(base, ".") do
      [_] -> ""
      ["" | [_]] -> ""
      parts -> "." <> List.last(parts)
    end
  end

  def rootname(path) do
    path = IO.chardata_to_string(path)
    ext = extname(path)
    String.slice(path, 0, String.length(path) - String.length(ext))
  end

  def rootname(path, extension) do
    path = IO.chardata_to_string(path)
    extension = IO.chardata_to_string(extension)

    if String.ends_with?(path, extension),
      do: String.slice(path, 0, String.length(path) - String.length(extension)),
      else: path
  end

  def type(path) do
    if String.starts_with?(IO.chardata_to_string(path), "/"), do: :absolute, else: :relative
  end

  defp strip_trailing("/"), do: "/"

  defp strip_trailing(path) do
    case String.trim_trailing(path, "/") do
      "" -> "/"
      trimmed -> trimmed
    end
  end
end
