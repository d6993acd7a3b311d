# Struct patterns naming the module with a variable (%name{}, %^name{}),
# @for and @protocol inside defimpl, and @derive given more than once.
defprotocol P do
  def name(x)
end
defimpl P, for: [List, Integer] do
  def name(_), do: inspect({@for, @protocol})
end
IO.puts(P.name([])); IO.puts(P.name(1))
defprotocol Sz do
  @fallback_to_any true
  def sz(x)
end
defimpl Sz, for: Any do def sz(_), do: 0 end
defmodule B do
  @derive {Inspect, except: [:pw]}
  @derive [Sz]
  defstruct [:n, :pw]
end
defmodule S do
  defstruct a: 1
  def kind(%name{}), do: name
  def same(%m{} = x, %m{}), do: {:same, m, x.a}
  def same(_, _), do: :different
  def is?(x, mod) do
    case x do
      %^mod{a: a} -> {:yes, a}
      _ -> :no
    end
  end
end
defmodule R do
  def go do
    IO.inspect(%B{n: 1, pw: 2})
    IO.inspect(Sz.sz(%B{}))
    IO.inspect(S.kind(%S{}))
    IO.inspect(S.same(%S{}, %S{a: 2}))
    IO.inspect(S.same(%S{}, %B{}))
    IO.inspect(S.is?(%S{a: 5}, S))
    IO.inspect(S.is?(%S{a: 5}, B))
  end
end
R.go()
