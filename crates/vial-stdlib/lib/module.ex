# Module: the runtime functions on module names (Elixir 1.14
# `lib/elixir/lib/module.ex`). A module name is the atom `:"Elixir.A.B"`.
defmodule Module do
  def split(module) when is_atom(module), do: split(Atom.to_string(module), module)
  def split("Elixir." <> name = string) when is_binary(string), do: String.split(name, ".")

  def concat(a, b), do: concat([a, b])

  def concat(parts) when is_list(parts) do
    joined =
      parts
      |> Enum.reject(&is_nil/1)
      |> Enum.map(&alias_text/1)
      |> Enum.reject(&(&1 == ""))
      |> Enum.join(".")

    String.to_atom("Elixir." <> joined)
  end

  def safe_concat(a, b), do: safe_concat([a, b])
  def safe_concat(parts) when is_list(parts), do: concat(parts)

  defp split("Elixir." <> name, _module), do: String.split(name, ".")

  defp split(_, module) do
    raise ArgumentError, "expected an Elixir module, got: #{inspect(module)}"
  end

  defp alias_text(atom) when is_atom(atom), do: atom |> Atom.to_string() |> alias_text()
  defp alias_text("Elixir." <> rest), do: rest
  defp alias_text("Elixir"), do: ""
  defp alias_text(text) when is_binary(text), do: text
end
