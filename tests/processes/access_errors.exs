# x[k] on a value that is neither a map, a list, a struct nor nil is a
# FunctionClauseError in Access.get/3, and on a keyword list with a
# non-atom key an ArgumentError; ~~~ starts an argument without parentheses.
r = fn f -> try do f.() rescue e -> IO.puts(Exception.message(e)) end end
r.(fn -> IO.inspect 5[:a] end)
r.(fn -> x = 5; IO.inspect x[:a] end)
r.(fn -> IO.inspect(5[:a]) end)
r.(fn -> IO.inspect :foo[:a] end)

r.(fn -> IO.inspect get_in(%{a: 1}, [:a, :b]) end)
r.(fn -> IO.inspect Access.get(1, :b) end)
r.(fn -> IO.inspect Access.get([1], 5) end)
r.(fn -> IO.inspect [a: 1][5] end)
r.(fn -> IO.inspect Access.fetch(7, :b) end)
r.(fn -> IO.inspect put_in(%{a: 1}, [:a, :b], 2) end)
import Bitwise
x = ~~~5
IO.inspect x
IO.inspect(~~~(-1))
IO.inspect ~~~5
