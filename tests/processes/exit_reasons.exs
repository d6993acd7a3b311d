# An error the VM raises (bad arithmetic, a failed match) reaches `catch`,
# exit signals and DOWN messages as Erlang's error term, as on the BEAM;
# `rescue` still sees the exception struct, and `raise` keeps its struct
# everywhere.
{_, ref} = spawn_monitor(fn -> 1 / Process.get(:zero, 0) end)
receive do
  {:DOWN, ^ref, :process, _, {reason, _stack}} -> IO.inspect(reason, label: "DOWN")
end

{_, ref} = spawn_monitor(fn -> raise "boom" end)
receive do
  {:DOWN, ^ref, :process, _, {reason, _stack}} -> IO.inspect(reason, label: "DOWN raise")
end

Process.flag(:trap_exit, true)
pid = spawn_link(fn -> {:ok, _} = {:error, Process.get(:x)} end)
receive do
  {:EXIT, ^pid, {reason, _stack}} -> IO.inspect(reason, label: "EXIT")
end

defmodule Divider do
  use GenServer
  def init(x), do: {:ok, x}
  def handle_call(:crash, _from, s), do: {:reply, 1 / s, s}
end

{:ok, server} = GenServer.start(Divider, 0)
r =
  try do
    GenServer.call(server, :crash)
  catch
    :exit, {{reason, _stack}, {GenServer, :call, _}} -> reason
  end
IO.inspect(r, label: "call")

r = try do cond do Process.get(:q) -> 1 end catch :error, e -> e end
IO.inspect(r, label: "catch cond")
r = try do cond do Process.get(:q) -> 1 end rescue e -> e end
IO.inspect(r, label: "rescue cond")
r =
  try do
    try do
      1 / Process.get(:zero, 0)
    after
      IO.puts("after")
    end
  rescue
    e -> e
  end
IO.inspect(r, label: "rescue through after")
m = %{a: 1}
r = try do %{m | b: 2} catch :error, e -> e end
IO.inspect(r, label: "update")
