# Funs are named -def/arity-fun-N-, numbered per def in the order their
# bodies end, and a script's -__FILE__/1-fun-N-, as the BEAM names them.
defmodule FunNames do
  def run do
    a = fn -> 1 end
    b = fn x -> x end
    c = Enum.map([1], fn x -> x * 2 end)
    IO.inspect({:erlang.fun_info(a, :name), :erlang.fun_info(b, :name), c, Function.info(a, :module)})
  end
  def other, do: fn -> :o end
end
FunNames.run()
IO.inspect(:erlang.fun_info(FunNames.other(), :name))
defmodule FunNames2 do
  def run do
    a = fn -> fn y -> y end end
    b = fn x -> x end
    IO.inspect({:erlang.fun_info(a, :name), :erlang.fun_info(a.(), :name), :erlang.fun_info(b, :name)})
  end
end
FunNames2.run()
f = fn -> 1 end
IO.inspect(:erlang.fun_info(f, :name))
