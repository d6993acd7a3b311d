# Tests terminate/2 on exit signals: from the parent when trapping (even :normal), none when not trapping, EXIT from others as handle_info.
defmodule Guard do
  use GenServer

  def start_link({tag, trap, observer}),
    do: GenServer.start_link(__MODULE__, {tag, trap, observer})

  @impl true
  def init({tag, trap, observer}) do
    Process.flag(:trap_exit, trap)
    {:ok, {tag, observer}}
  end

  @impl true
  def handle_call({:link_to, pid}, _from, s) do
    Process.link(pid)
    {:reply, :linked, s}
  end

  @impl true
  def handle_info(msg, {tag, observer} = s) do
    send(observer, {:info, tag, shape(msg)})
    {:noreply, s}
  end

  @impl true
  def terminate(reason, {tag, observer}) do
    send(observer, {:terminate, tag, reason})
  end

  defp shape({:EXIT, pid, reason}) when is_pid(pid), do: {:EXIT, :pid, reason}
  defp shape(other), do: other
end

defmodule T do
  # Start a Guard from a short-lived parent process that then exits with `reason`.
  def via_parent(tag, trap, reason) do
    me = self()

    parent =
      spawn(fn ->
        {:ok, pid} = Guard.start_link({tag, trap, me})
        send(me, {:server, pid})
        receive do: (:go -> exit(reason))
      end)

    pid = receive do: ({:server, pid} -> pid)
    {pid, Process.monitor(pid), parent}
  end

  def report(tag, ref) do
    receive do
      {:DOWN, ^ref, :process, _, reason} ->
        got =
          receive do
            {:terminate, ^tag, r} -> {:terminate_called, r}
          after
            0 -> :terminate_not_called
          end

        IO.puts("#{tag}: down #{inspect(reason)}, #{inspect(got)}")
    after
      1000 -> IO.puts("#{tag}: still alive")
    end
  end

  def go(tag, trap, reason) do
    {_pid, ref, parent} = via_parent(tag, trap, reason)
    send(parent, :go)
    report(tag, ref)
  end
end

T.go(:trapping_shutdown, true, :shutdown)
T.go(:trapping_normal, true, :normal)
T.go(:trapping_custom, true, {:shutdown, :bye})
T.go(:plain_shutdown, false, :shutdown)
T.go(:plain_normal, false, :normal)

# An exit signal from a process that is not the parent arrives as a message.
{pid, ref, _parent} = T.via_parent(:other, true, :shutdown)
Process.exit(pid, :shutdown)
friend = spawn(fn -> receive do: (:go -> exit(:gone)) end)
:linked = GenServer.call(pid, {:link_to, friend})
send(friend, :go)

for _ <- 1..2 do
  receive do: ({:info, :other, msg} -> IO.inspect(msg, label: "other got info"))
end

IO.puts("other still alive: #{Process.alive?(pid)}")
Process.exit(pid, :kill)
T.report(:other, ref)
