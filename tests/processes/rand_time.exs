# :rand keeps its state per process (in the process dictionary), so a
# seeded process draws OTP's exact sequence whatever other processes do;
# time units convert as :erlang.convert_time_unit/3 does.

defmodule R do
  def show(label, fun) do
    try do
      IO.puts("#{label}: #{inspect(fun.())}")
    rescue
      e -> IO.puts("#{label}: #{inspect(e.__struct__)} #{inspect(Exception.message(e))}")
    end
  end

  def draws(n, range), do: for(_ <- 1..n, do: :rand.uniform(range))
end

me = self()

R.show("unseeded in range", fn ->
  Enum.all?(for _ <- 1..1000, do: :rand.uniform(6) in 1..6)
end)

R.show("unseeded float", fn ->
  Enum.all?(for _ <- 1..1000, do: (x = :rand.uniform(); x >= 0.0 and x < 1.0))
end)

R.show("state stored", fn -> match?({%{type: :exsss}, [_ | _]}, Process.get(:rand_seed)) end)
R.show("seed returns state", fn -> elem(:rand.seed(:exsss, {1, 2, 3}), 1) end)
R.show("exsss triple", fn -> R.draws(5, 100) end)
R.show("exsss float", fn -> :rand.uniform() end)
R.show("export_seed", fn -> :rand.export_seed() end)
:rand.seed(:exsss, 42)
R.show("exsss integer", fn -> R.draws(5, 1_000_000) end)
:rand.seed(:exrop, {1, 2, 3})
R.show("exrop", fn -> R.draws(5, 100) end)
:rand.seed(:exsplus, {1, 2, 3})
R.show("exsplus", fn -> R.draws(5, 100) end)
:rand.seed(:exsss, 7)
R.show("wide range", fn -> :rand.uniform(1_180_591_620_717_411_303_424) end)
R.show("2^58", fn -> :rand.uniform(288_230_376_151_711_744) end)

R.show("restored state", fn ->
  state = :rand.seed(:exsss, 99)
  first = R.draws(3, 1000)
  :rand.seed(state)
  {first, R.draws(3, 1000)}
end)

R.show("uniform_s", fn ->
  s = :rand.seed_s(:exsss, {1, 2, 3})
  {a, s} = :rand.uniform_s(100, s)
  {b, _} = :rand.uniform_s(100, s)
  {a, b}
end)

# Two processes seeded alike draw alike, while this one draws in between.
:rand.seed(:exsss, {5, 5, 5})

for i <- 1..2 do
  spawn(fn ->
    :rand.seed(:exsss, {9, 9, 9})
    send(me, {i, R.draws(4, 50)})
  end)
end

mine = R.draws(4, 50)

theirs =
  for i <- 1..2 do
    receive do
      {^i, d} -> d
    end
  end

R.show("per process", fn -> {mine, theirs} end)

R.show("fresh process is unseeded", fn ->
  spawn(fn -> send(me, Process.get(:rand_seed)) end)

  receive do
    s -> s
  end
end)

R.show("uniform(0)", fn -> :rand.uniform(0) end)
R.show("bad algorithm", fn -> :rand.seed(:nope, 1) end)

# --- time ---------------------------------------------------------------------
R.show("monotonic", fn ->
  a = System.monotonic_time()
  b = :erlang.monotonic_time()
  c = System.monotonic_time(:millisecond)
  {is_integer(a), a <= b, c <= System.monotonic_time(:millisecond)}
end)

R.show("system vs os", fn ->
  abs(System.system_time(:second) - System.os_time(:second)) <= 1 and
    abs(:erlang.system_time(:millisecond) - :os.system_time(:millisecond)) < 1000
end)

R.show("after 2020", fn -> System.system_time(:second) > 1_600_000_000 end)
R.show("native", fn -> System.convert_time_unit(1, :second, :native) end)
R.show("ms to s", fn -> System.convert_time_unit(1500, :millisecond, :second) end)
R.show("negative floors", fn -> System.convert_time_unit(-1500, :millisecond, :second) end)
R.show("up", fn -> System.convert_time_unit(3, :second, :microsecond) end)
R.show("integer units", fn -> {System.convert_time_unit(10, 3, 7), :erlang.convert_time_unit(-10, 3, 7)} end)
R.show("big", fn -> System.convert_time_unit(9_223_372_036_854_775_807, :second, :nanosecond) end)
R.show("elixir bad unit", fn -> System.monotonic_time(:fortnight) end)
R.show("elixir bad convert", fn -> System.convert_time_unit(1, :second, 0) end)
R.show("erlang bad unit", fn -> :erlang.monotonic_time(:fortnight) end)
R.show("erlang bad convert", fn -> :erlang.convert_time_unit(1.5, :second, :bogus) end)
