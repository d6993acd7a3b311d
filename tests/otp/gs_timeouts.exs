# Tests GenServer return tuples with timeouts ({:reply, r, s, t}, {:noreply, s, t}), :hibernate and {:continue, x} after a reply.
defmodule Idle do
  use GenServer

  def start_link(parent), do: GenServer.start_link(__MODULE__, parent)

  @impl true
  def init(parent), do: {:ok, %{parent: parent, log: []}}

  @impl true
  def handle_call({:arm, ms}, _from, s), do: {:reply, :armed, s, ms}
  def handle_call(:hibernate, _from, s), do: {:reply, :sleepy, s, :hibernate}
  def handle_call(:log, _from, s), do: {:reply, Enum.reverse(s.log), s}

  def handle_call({:then_continue, x}, _from, s) do
    {:reply, {:accepted, x}, %{s | log: [{:call, x} | s.log]}, {:continue, x}}
  end

  @impl true
  def handle_cast({:arm, ms}, s), do: {:noreply, %{s | log: [:cast_armed | s.log]}, ms}

  def handle_cast(:hibernate, s),
    do: {:noreply, %{s | log: [:cast_hibernate | s.log]}, :hibernate}

  @impl true
  def handle_continue(x, s) do
    send(s.parent, {:continued, x})
    {:noreply, %{s | log: [{:continue, x} | s.log]}}
  end

  @impl true
  def handle_info(:timeout, s) do
    send(s.parent, :timed_out)
    {:noreply, %{s | log: [:timeout | s.log]}}
  end

  def handle_info({:ping, n}, s), do: {:noreply, %{s | log: [{:ping, n} | s.log]}, 30}
end

defmodule Wait do
  def for_timeout(ms) do
    receive do
      :timed_out -> :timeout_fired
    after
      ms -> :no_timeout
    end
  end
end

{:ok, pid} = Idle.start_link(self())

# {:reply, reply, state, timeout}: with no further message, handle_info(:timeout, _) runs.
IO.inspect(GenServer.call(pid, {:arm, 20}), label: "call arm")
IO.inspect(Wait.for_timeout(2000), label: "after call timeout")

# {:noreply, state, timeout} from handle_cast behaves the same way.
GenServer.cast(pid, {:arm, 20})
IO.inspect(Wait.for_timeout(2000), label: "after cast timeout")

# A message arriving before the timeout cancels it (60 s); the handle_info reply re-arms it (30 ms).
GenServer.cast(pid, {:arm, 60_000})
send(pid, {:ping, 1})
IO.inspect(Wait.for_timeout(2000), label: "after re-armed timeout")

# A call arriving in time also cancels the timeout, and :log does not re-arm it.
GenServer.cast(pid, {:arm, 600})
IO.inspect(length(GenServer.call(pid, :log)), label: "log length")
IO.inspect(Wait.for_timeout(800), label: "after cancelled timeout")

# :hibernate is accepted as the last element of reply/noreply tuples; the server keeps working.
IO.inspect(GenServer.call(pid, :hibernate), label: "call hibernate")
GenServer.cast(pid, :hibernate)
IO.inspect(Process.alive?(pid), label: "alive after hibernate")

# {:reply, r, s, {:continue, x}}: the caller gets the reply, then handle_continue runs.
IO.inspect(GenServer.call(pid, {:then_continue, :step}), label: "call with continue")

receive do
  {:continued, x} -> IO.inspect(x, label: "continued")
end

IO.inspect(GenServer.call(pid, :log), label: "log")
