# Erlang library functions that take functions (or wait), which Elixir
# programs call directly: the Vial versions in Erlang's argument order, on
# top of Enum, List and Map. The rest of these modules are BIFs.

defmodule :timer do
  def sleep(ms), do: Process.sleep(ms)
  def seconds(s), do: s * 1000
  def minutes(m), do: m * 60_000
  def hours(h), do: h * 3_600_000
  def hms(h, m, s), do: hours(h) + minutes(m) + seconds(s)
  def send_after(ms, pid, message), do: {:ok, Process.send_after(pid, message, ms)}
  def send_after(ms, message), do: send_after(ms, self(), message)

  # {microseconds, value}
  def tc(fun), do: tc(fun, [])

  def tc(fun, args) do
    t0 = System.monotonic_time(:microsecond)
    value = apply(fun, args)
    {System.monotonic_time(:microsecond) - t0, value}
  end

  def tc(module, fun, args) do
    t0 = System.monotonic_time(:microsecond)
    value = apply(module, fun, args)
    {System.monotonic_time(:microsecond) - t0, value}
  end

  def apply_after(ms, module, fun, args) do
    {:ok, {:once, spawn(fn -> after_ms(ms, fn -> apply(module, fun, args) end) end)}}
  end

  def exit_after(ms, pid, reason) do
    {:ok, {:once, spawn(fn -> after_ms(ms, fn -> Process.exit(pid, reason) end) end)}}
  end

  def exit_after(ms, reason), do: exit_after(ms, self(), reason)
  def kill_after(ms, pid), do: exit_after(ms, pid, :kill)
  def kill_after(ms), do: exit_after(ms, self(), :kill)

  # An interval runs in a process of its own, which stops when the
  # destination process dies or the interval is cancelled. Ticks keep to
  # the schedule (start + n * ms) rather than drifting by the time each
  # one takes.
  def send_interval(ms, pid, message) do
    interval(ms, pid, fn -> send(pid, message) end)
  end

  def send_interval(ms, message), do: send_interval(ms, self(), message)

  def apply_interval(ms, module, fun, args) do
    interval(ms, self(), fn -> spawn(module, fun, args) end)
  end

  def cancel({kind, pid}) when kind in [:once, :interval] and is_pid(pid) do
    Process.exit(pid, :kill)
    {:ok, :cancel}
  end

  def cancel(ref) when is_reference(ref) do
    Process.cancel_timer(ref)
    {:ok, :cancel}
  end

  def cancel(_), do: {:error, :badarg}

  defp after_ms(ms, fun) do
    receive do
    after
      ms -> fun.()
    end
  end

  defp interval(ms, dest, fun) do
    pid =
      spawn(fn ->
        watch = if is_pid(dest), do: Process.monitor(dest), else: make_ref()
        tick(System.monotonic_time(:millisecond) + ms, ms, watch, fun)
      end)

    {:ok, {:interval, pid}}
  end

  defp tick(due, ms, watch, fun) do
    wait = max(due - System.monotonic_time(:millisecond), 0)

    receive do
      {:DOWN, ^watch, _, _, _} -> :ok
    after
      wait ->
        fun.()
        tick(due + ms, ms, watch, fun)
    end
  end
end

defmodule :lists do
  def foldl(fun, acc, list) when is_list(list), do: List.foldl(list, acc, fun)
  def foldr(fun, acc, list) when is_list(list), do: List.foldr(list, acc, fun)
  def map(fun, list) when is_list(list), do: Enum.map(list, fun)
  def filter(pred, list) when is_list(list), do: Enum.filter(list, pred)
  def foreach(fun, list) when is_list(list), do: Enum.each(list, fun)
  def any(pred, list) when is_list(list), do: Enum.any?(list, pred)
  def all(pred, list) when is_list(list), do: Enum.all?(list, pred)
  def flatmap(fun, list) when is_list(list), do: Enum.flat_map(list, fun)
  def partition(pred, list) when is_list(list), do: Enum.split_with(list, pred)
  def takewhile(pred, list) when is_list(list), do: Enum.take_while(list, pred)
  def dropwhile(pred, list) when is_list(list), do: Enum.drop_while(list, pred)
  def mapfoldl(fun, acc, list) when is_list(list), do: Enum.map_reduce(list, acc, fun)
  def sort(fun, list) when is_list(list), do: Enum.sort(list, fun)
  def append(a, b), do: a ++ b
  def append(lists) when is_list(lists), do: Enum.concat(lists)
end

defmodule :maps do
  def fold(fun, acc, map) when is_map(map),
    do: Enum.reduce(map, acc, fn {k, v}, acc -> fun.(k, v, acc) end)

  def map(fun, map) when is_map(map), do: Map.new(map, fn {k, v} -> {k, fun.(k, v)} end)
  def filter(pred, map) when is_map(map), do: Map.filter(map, fn {k, v} -> pred.(k, v) end)
  def foreach(fun, map) when is_map(map), do: Enum.each(map, fn {k, v} -> fun.(k, v) end)
  def find(key, map) when is_map(map), do: Map.fetch(map, key)
  def update(key, value, map) when is_map(map), do: Map.update!(map, key, fn _ -> value end)
  def with(keys, map) when is_map(map), do: Map.take(map, keys)
  def without(keys, map) when is_map(map), do: Map.drop(map, keys)
end

# OTP's sys module, for the servers GenServer runs (see the system
# messages in gen_server.ex).
defmodule :sys do
  def get_state(server), do: get_state(server, 5000, [server])
  def get_state(server, timeout), do: get_state(server, timeout, [server, timeout])

  def replace_state(server, fun), do: replace_state(server, fun, 5000, [server, fun])

  def replace_state(server, fun, timeout) do
    replace_state(server, fun, timeout, [server, fun, timeout])
  end

  # The exit reason names the function as called: {reason, {:sys, name, args}}.
  defp get_state(server, timeout, args) do
    GenServer.__call__(server, :system, :get_state, timeout, {:sys, :get_state, args})
  end

  defp replace_state(server, fun, timeout, args) do
    request = {:replace_state, fun}
    GenServer.__call__(server, :system, request, timeout, {:sys, :replace_state, args})
  end
end
