# Tests Task.await timeouts and exit shapes, Task.yield (nil then {:ok, v}), Task.shutdown, await_many, and Task.start/start_link.
defmodule T do
  # Print an exit from Task.await without the task struct (it holds a pid and a ref).
  def await_exit(task, timeout) do
    Task.await(task, timeout)
  catch
    :exit, {reason, {Task, fun, [%Task{} = t, tmo]}} ->
      {:exit, reason, {Task, fun, t == task, tmo}}
  end

  def mailbox do
    receive do
      msg -> [msg | mailbox()]
    after
      0 -> []
    end
  end
end

# Tasks gated on a :go message, so that "still running" does not depend on timing.
gated = fn value -> Task.async(fn -> receive(do: (:go -> value)) end) end

slow = gated.(:late)
IO.inspect(T.await_exit(slow, 20), label: "await past timeout")
IO.puts("task still running: #{Process.alive?(slow.pid)}")
ref = Process.monitor(slow.pid)
send(slow.pid, :go)
receive do: ({:DOWN, ^ref, _, _, reason} -> IO.inspect(reason, label: "late task ended"))
# The late reply was dropped: await had given up on it.
IO.inspect(T.mailbox(), label: "mailbox after the late task finished")

# yield returns nil while the task runs, then {:ok, value}; the task stays awaitable.
t = gated.(42)
IO.inspect(Task.yield(t, 10), label: "yield early")
send(t.pid, :go)
IO.inspect(Task.yield(t, 1000), label: "yield later")

# shutdown of a finished task returns its result; of a running one, nil.
done = Task.async(fn -> :finished end)
ref = Process.monitor(done.pid)
receive do: ({:DOWN, ^ref, _, _, _} -> :ok)
IO.inspect(Task.shutdown(done), label: "shutdown finished task")
running = Task.async(fn -> Process.sleep(5000) end)
IO.inspect(Task.shutdown(running), label: "shutdown running task")
IO.puts("running task alive: #{Process.alive?(running.pid)}")

# Exits that do not log: :normal and {:shutdown, _}. The caller traps so the link does not kill it.
Process.flag(:trap_exit, true)
IO.inspect(T.await_exit(Task.async(fn -> exit(:normal) end), 1000), label: "task exits :normal")

IO.inspect(T.await_exit(Task.async(fn -> exit({:shutdown, :db}) end), 1000),
  label: "task exits {:shutdown, :db}"
)

exits = for {:EXIT, pid, reason} <- T.mailbox(), is_pid(pid), do: reason
IO.inspect(exits, label: "EXIT messages (trapped)")
Process.flag(:trap_exit, false)

# await_many keeps input order; a timeout exits with await_many in the reason.
tasks = for d <- [60, 0, 30], do: Task.async(fn -> Process.sleep(d) && d end)
IO.inspect(Task.await_many(tasks, 1000), label: "await_many")

many_timeout =
  try do
    Task.await_many([Task.async(fn -> Process.sleep(:infinity) end)], 10)
  catch
    :exit, {reason, {Task, fun, [list, tmo]}} -> {reason, fun, length(list), tmo}
  end

IO.inspect(many_timeout, label: "await_many past timeout")

# Task.start and Task.start_link return {:ok, pid}; nothing is sent back on completion.
parent = self()
{:ok, p1} = Task.start(fn -> send(parent, {:ran, :start}) end)
{:ok, p2} = Task.start_link(fn -> send(parent, {:ran, :start_link}) end)
IO.puts("pids: #{is_pid(p1) and is_pid(p2)}")
ran = for _ <- 1..2, do: receive(do: ({:ran, how} -> how))
IO.inspect(Enum.sort(ran), label: "ran via")
Process.sleep(20)
IO.inspect(T.mailbox(), label: "mailbox at end")
