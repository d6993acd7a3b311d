# Atom: conversions of atoms (Elixir 1.14 `lib/elixir/lib/atom.ex`).
defmodule Atom do
  # The atom's text ("Elixir.Foo" for the alias Foo).
  def to_string(atom) when is_atom(atom), do: :erlang.atom_to_binary(atom)

  # The atom's text as a charlist.
  def to_charlist(atom) when is_atom(atom),
    do: String.to_charlist(:erlang.atom_to_binary(atom))
end
