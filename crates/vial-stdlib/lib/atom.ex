# Atom: conversions of atoms (Elixir 1.14 `lib/elixir/lib/atom.ex`).
defmodule Atom do
  # The atom's text ("Elixir.Foo" for the alias Foo); ArgumentError for
  # anything else, raised by the BIF as in Elixir.
  def to_string(atom), do: :erlang.atom_to_binary(atom)

  # The atom's text as a charlist.
  def to_charlist(atom), do: :erlang.atom_to_list(atom)

  # Deprecated name of to_charlist/1.
  def to_char_list(atom), do: :erlang.atom_to_list(atom)
end
