# Tests deferred replies: {:noreply, s} from handle_call and GenServer.reply/2 from another process, plus handle_info for plain messages.
defmodule Jobs do
  use GenServer

  def start_link, do: GenServer.start_link(__MODULE__, :ok)

  @impl true
  def init(:ok), do: {:ok, %{pending: %{}, seen: []}}

  # A worker replies directly to the caller when told to; the server is free meanwhile.
  @impl true
  def handle_call({:slow, n}, from, s) do
    worker =
      spawn(fn ->
        receive do: (:go -> send(:jobs_log, {:reply_result, n, GenServer.reply(from, n * n)}))
      end)

    send(:jobs_log, {:worker, n, worker})

    {:noreply, s}
  end

  # Park the caller until a plain message releases it.
  def handle_call({:park, key}, from, s) do
    {caller, _tag} = from
    send(:jobs_log, {:parked, key, is_pid(caller)})
    {:noreply, %{s | pending: Map.put(s.pending, key, from)}}
  end

  # Replying inside the callback, then returning :noreply, is also allowed.
  def handle_call(:early, from, s) do
    GenServer.reply(from, :early_reply)
    {:noreply, %{s | seen: [:early | s.seen]}}
  end

  def handle_call(:seen, _from, s), do: {:reply, Enum.reverse(s.seen), s}

  @impl true
  def handle_info({:release, key, value}, s) do
    {from, pending} = Map.pop(s.pending, key)
    GenServer.reply(from, {:released, value})
    {:noreply, %{s | pending: pending, seen: [{:release, key} | s.seen]}}
  end

  def handle_info(other, s), do: {:noreply, %{s | seen: [{:info, other} | s.seen]}}
end

Process.register(self(), :jobs_log)
{:ok, jobs} = Jobs.start_link()
parent = self()

# Three pending calls from three processes, answered in another order than they were made.
for n <- 1..3 do
  spawn(fn -> send(parent, {:answer, n, GenServer.call(jobs, {:slow, n})}) end)
end

workers = for _ <- 1..3, into: %{}, do: receive(do: ({:worker, n, w} -> {n, w}))

for n <- [2, 3, 1] do
  send(workers[n], :go)
  receive do: ({:answer, ^n, sq} -> IO.puts("answer for #{n}: #{sq}"))

  receive do:
            ({:reply_result, ^n, r} -> IO.puts("GenServer.reply for #{n} returned #{inspect(r)}"))
end

IO.inspect(GenServer.call(jobs, :early), label: "early")

# A parked caller waits until another message arrives at the server.
spawn(fn -> send(parent, {:unparked, GenServer.call(jobs, {:park, :door})}) end)

receive do:
          ({:parked, key, caller_is_pid} ->
             IO.puts("parked #{key}, caller is pid: #{caller_is_pid}"))

send(jobs, :just_a_message)
send(jobs, {:unknown, [1, 2]})

nothing =
  receive do
    {:unparked, _} -> :too_soon
  after
    50 -> :still_waiting
  end

IO.inspect(nothing, label: "before release")
send(jobs, {:release, :door, 42})
receive do: ({:unparked, r} -> IO.inspect(r, label: "parked caller got"))
IO.inspect(GenServer.call(jobs, :seen), label: "seen")
