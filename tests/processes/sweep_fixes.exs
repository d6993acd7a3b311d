# Sweep fixes: `alias __MODULE__`, the module `Elixir`, `~~~`, the :greek and
# :turkic case modes, Process.get_keys/1, String.bag_distance and chunk,
# :lists merges, :maps iterators, a FunctionClauseError with no function, {:badarg, x}
# errors, :lists.ukeysort of equal keys, destructure and __ENV__.
defmodule Outer.Limits do
  alias __MODULE__
  alias __MODULE__, as: Me
  defstruct a: 1
  def me, do: {Limits, Me, %Limits{}, %Me{a: 2}}
end
defmodule Top do
  alias __MODULE__
  def me, do: Top
end
IO.inspect(Outer.Limits.me())
IO.inspect(Top.me())
IO.inspect(Elixir)
IO.inspect([Elixir, Elixir.Foo])
IO.puts(Elixir)
IO.inspect(:"Elixir.")
IO.inspect String.downcase("ΣΑΣ")
IO.inspect String.downcase("ΣΑΣ ΟΔΟΣ Σ ΑΣ1 ΑΣ. Σ", :greek)
IO.inspect String.downcase("ΣΑΣ", :default)
IO.inspect String.upcase("istanbul ıi", :turkic)
IO.inspect String.downcase("IIİ Iİ", :turkic)
IO.inspect String.capitalize("istanbul", :turkic)
IO.inspect String.capitalize("ırmak", :turkic)
IO.inspect String.capitalize("ΣΑΣ", :greek)
import Bitwise
IO.inspect {band(12, 10), 12 &&& 10, bor(1, 4), 1 ||| 4, bxor(5, 3), 6, bnot(5), ~~~5, bsl(1, 4), 1 <<< 4, bsr(256, 2), 256 >>> 2}
IO.inspect {Bitwise.band(12, 10), Bitwise.bor(1, 2), Bitwise.bxor(1, 3), Bitwise.bnot(0), Bitwise.bsl(1, 3), Bitwise.bsr(8, 1)}
IO.inspect Enum.map([1, 2, 3], &Bitwise.band(&1, 1))
IO.inspect Process.get_keys(1)
Process.put(:a, 1); Process.put(:b, 2); Process.put(:c, 1)
IO.inspect Process.get_keys(1) |> Enum.sort()
IO.inspect {String.bag_distance("abc", "abd"), String.bag_distance("", ""), String.bag_distance("abc", ""), String.bag_distance("", "a"), String.bag_distance("abc", "abc"), String.bag_distance("hello", "hallo world")}
IO.inspect {String.chunk("abc123def", :printable), String.chunk("", :valid), String.chunk("ab\x00cd\x01\x02e", :printable), String.chunk("abc", :valid)}
IO.inspect :erlang.float_to_list(0.5, decimals: 2)
IO.inspect :erlang.float_to_list(0.5)
IO.inspect {:lists.merge([1, 3, 5], [2, 3, 4]), :lists.merge([[1, 4], [2, 3], [0]]), :lists.umerge([1, 3, 5], [2, 3, 4]), :lists.merge(fn a, b -> a >= b end, [5, 3], [4, 2]), :lists.keymerge(1, [{1, :a}, {3, :c}], [{2, :b}, {3, :x}])}
IO.inspect {:lists.merge3([1], [2], [0]), :lists.umerge([[1, 2], [2, 3]]), :lists.umerge3([1,2], [2,3], [3,4]), :lists.ukeymerge(1, [{1, :a}, {3, :c}], [{1, :b}, {3, :x}])}
it = :maps.iterator(%{a: 1, b: 2})
{k, v, it2} = :maps.next(it)
IO.inspect {k, v}
{k, v, it3} = :maps.next(it2)
IO.inspect {k, v, :maps.next(it3)}
IO.inspect(Exception.normalize(:error, :function_clause, []) |> Exception.message())
try do :erlang.error({:badarg, 1}) rescue e -> IO.inspect(e) end
try do :erlang.error({:badarg, "x"}) rescue e -> IO.inspect(Exception.message(e)) end
IO.inspect :lists.ukeysort(1, [{1, :a}, {1.0, :b}, {2, :c}])
:io.format("~10..*s|~n", [?-, "abc"]); :io.format("~*.*.*f|~n", [10, 2, ?0, 3.14159])
destructure([a, b, c], [1, 2])
IO.inspect({a, b, c})
destructure([x, y], [1, 2, 3])
IO.inspect({x, y})
destructure([p], nil)
IO.inspect(p)
defmodule D do
  def f(l) do
    destructure([h, _, t], l)
    {h, t}
  end
end
IO.inspect(D.f([:a, :b, :c, :d]))
IO.inspect(destructure([_q, _r], [5]))
defmodule Svc.Worker do
  def run(x) do
    IO.inspect({__ENV__.module, __ENV__.function, __ENV__.line})
    Enum.map([x], fn y -> {__ENV__.function, y} end)
  end
  defp helper(a, b), do: {__ENV__.function, a + b}
  def h, do: helper(1, 2)
end
IO.inspect(Svc.Worker.run(1))
IO.inspect(Svc.Worker.h())
IO.inspect({__ENV__.module, __ENV__.function, __ENV__.line})
IO.puts(Path.basename(__ENV__.file))
f = fn -> __ENV__.function end
IO.inspect(f.())
ops = %{+: &Kernel.+/2, <: &Kernel.</2, -: &Kernel.-/2, *: &Kernel.*/2}
IO.inspect(Map.keys(ops))
IO.inspect(ops[:+].(1, 2))
kw = [==: 1, <>: 2, ++: 3, |>: 4, &&&: 5]
IO.inspect(kw)
IO.inspect(Keyword.keys(kw))
x = 1 + 2
IO.inspect(x == 3)
IO.inspect([a: 1 + 2, b: :c])
