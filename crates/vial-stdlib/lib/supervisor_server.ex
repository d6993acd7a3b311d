# Supervisor.Server: the GenServer callbacks of a supervisor process, after
# OTP's supervisor.erl. The process traps exits; each child is linked to it.
#
# State: the callback module and its argument, the flags, the children as a
# list newest first (so reverse start order, as which_children/1 shows
# them), and the restart window (see add_restart/1).
#
# A child: %{id, pid, start: {m, f, args}, restart, shutdown, type,
# modules}, where pid is a pid, :undefined (not running) or :restarting (a
# restart failed and is retried).
defmodule Supervisor.Server do
  @moduledoc false

  def init({module, arg}) do
    Process.flag(:trap_exit, true)

    case module.init(arg) do
      {:ok, {flags, specs}} ->
        case new_state(module, arg, flags) do
          {:ok, state} ->
            case check_specs(specs) do
              {:ok, children} ->
                case start_children(Enum.reverse(children), []) do
                  {:ok, started} -> {:ok, %{state | children: started}}
                  {:error, reason} -> {:stop, {:shutdown, reason}}
                end

              {:error, reason} ->
                {:stop, {:start_spec, reason}}
            end

          {:error, reason} ->
            {:stop, {:supervisor_data, reason}}
        end

      :ignore ->
        :ignore

      other ->
        {:stop, {:bad_return, {module, :init, other}}}
    end
  end

  defp new_state(module, arg, flags) do
    {strategy, intensity, period} =
      case flags do
        %{} ->
          {Map.get(flags, :strategy, :one_for_one), Map.get(flags, :intensity, 1),
           Map.get(flags, :period, 5)}

        {s, i, p} ->
          {s, i, p}
      end

    cond do
      strategy not in [:one_for_one, :one_for_all, :rest_for_one] ->
        {:error, {:invalid_strategy, strategy}}

      not is_integer(intensity) or intensity < 0 ->
        {:error, {:invalid_intensity, intensity}}

      not is_integer(period) or period <= 0 ->
        {:error, {:invalid_period, period}}

      true ->
        {:ok,
         %{
           module: module,
           arg: arg,
           strategy: strategy,
           intensity: intensity,
           period: period,
           children: [],
           restarts: {0, [], []}
         }}
    end
  end

  # Validates the specs and fills in defaults; returns them newest first.
  defp check_specs(specs), do: check_specs(specs, [])

  defp check_specs([], acc), do: {:ok, acc}

  defp check_specs([spec | rest], acc) do
    case normalize(spec) do
      {:ok, child} ->
        if Enum.any?(acc, &(&1.id == child.id)) do
          {:error, {:duplicate_child_name, child.id}}
        else
          check_specs(rest, [child | acc])
        end

      error ->
        error
    end
  end

  @doc false
  def normalize(%{id: id, start: {m, f, a} = start} = spec) when is_atom(m) and is_atom(f) and is_list(a) do
    type = Map.get(spec, :type, :worker)
    default_shutdown = if type == :worker, do: 5000, else: :infinity

    child = %{
      id: id,
      pid: :undefined,
      start: start,
      restart: Map.get(spec, :restart, :permanent),
      shutdown: Map.get(spec, :shutdown, default_shutdown),
      type: type,
      modules: Map.get(spec, :modules, [m])
    }

    cond do
      child.restart not in [:permanent, :transient, :temporary] ->
        {:error, {:invalid_restart_type, child.restart}}

      child.type not in [:worker, :supervisor] ->
        {:error, {:invalid_child_type, child.type}}

      not (child.shutdown in [:brutal_kill, :infinity] or
               (is_integer(child.shutdown) and child.shutdown >= 0)) ->
        {:error, {:invalid_shutdown, child.shutdown}}

      true ->
        {:ok, child}
    end
  end

  # The tuple form Supervisor.Spec made (deprecated, still accepted).
  def normalize({id, start, restart, shutdown, type, modules}),
    do: normalize(%{id: id, start: start, restart: restart, shutdown: shutdown, type: type, modules: modules})

  def normalize(%{id: _, start: start}), do: {:error, {:invalid_mfa, start}}
  def normalize(%{start: _}), do: {:error, :missing_id}
  def normalize(%{id: _}), do: {:error, :missing_start}
  def normalize(other), do: {:error, {:invalid_child_spec, other}}

  # Starts `todo` (in start order) and prepends each to `started`; on a
  # failure stops those already started and returns the reason.
  defp start_children([], started), do: {:ok, started}

  defp start_children([child | rest], started) do
    case start_child(child) do
      {:ok, pid, _info} ->
        start_children(rest, [%{child | pid: pid} | started])

      {:error, reason} ->
        Enum.each(started, &shutdown/1)
        {:error, {:failed_to_start_child, child.id, reason}}
    end
  end

  # OTP's #child{} record (supervisor.erl) of a child not running.
  defp child_record(child) do
    {:child, :undefined, child.id, child.start, child.restart, false, child.shutdown, child.type,
     child.modules}
  end

  @doc false
  # Calls the child's start function: {:ok, pid_or_undefined, info} or
  # {:error, reason}.
  def start_child(%{start: {m, f, a}}) do
    result =
      try do
        apply(m, f, a)
      catch
        :error, reason -> {:error, {:EXIT, {Exception.__normalize__(reason), __STACKTRACE__}}}
        :exit, reason -> {:error, {:EXIT, reason}}
        :throw, value -> {:error, {{:nocatch, value}, __STACKTRACE__}}
      end

    case result do
      {:ok, pid} when is_pid(pid) -> {:ok, pid, nil}
      {:ok, pid, info} when is_pid(pid) -> {:ok, pid, {info}}
      :ignore -> {:ok, :undefined, nil}
      {:error, reason} -> {:error, reason}
      other -> {:error, other}
    end
  end

  @doc false
  # Stops a running child as its shutdown says (an exit signal :shutdown,
  # then :kill after the timeout; or :kill at once) and waits for it.
  def shutdown(%{pid: pid} = child) when is_pid(pid) do
    ref = Process.monitor(pid)
    Process.unlink(pid)

    receive do
      {:EXIT, ^pid, _} -> :ok
    after
      0 -> :ok
    end

    case child.shutdown do
      :brutal_kill ->
        Process.exit(pid, :kill)
        await_down(ref, pid, :infinity)

      timeout ->
        Process.exit(pid, :shutdown)

        case await_down(ref, pid, timeout) do
          :ok ->
            :ok

          :timeout ->
            Process.exit(pid, :kill)
            await_down(ref, pid, :infinity)
        end
    end
  end

  def shutdown(_child), do: :ok

  defp await_down(ref, pid, timeout) do
    receive do
      {:DOWN, ^ref, :process, ^pid, _} -> :ok
    after
      timeout -> :timeout
    end
  end

  ## Calls

  def handle_call(:which_children, _from, state) do
    {:reply, Enum.map(state.children, &{&1.id, &1.pid, &1.type, &1.modules}), state}
  end

  def handle_call(:count_children, _from, state) do
    {specs, active, sups, workers} =
      Enum.reduce(state.children, {0, 0, 0, 0}, fn c, {s, a, sup, w} ->
        # Alive, as OTP counts it: a child just killed is still listed
        # until its exit signal is handled, but no longer active.
        a = if is_pid(c.pid) and Process.alive?(c.pid), do: a + 1, else: a
        if c.type == :supervisor, do: {s + 1, a, sup + 1, w}, else: {s + 1, a, sup, w + 1}
      end)

    {:reply, %{specs: specs, active: active, supervisors: sups, workers: workers}, state}
  end

  def handle_call({:start_child, spec}, _from, state) do
    case normalize(spec) do
      {:ok, child} ->
        case find(state.children, child.id) do
          %{pid: pid} when is_pid(pid) ->
            {:reply, {:error, {:already_started, pid}}, state}

          %{} ->
            {:reply, {:error, :already_present}, state}

          nil ->
            case start_child(child) do
              {:ok, pid, info} ->
                state =
                  if pid == :undefined and child.restart == :temporary,
                    do: state,
                    else: %{state | children: [%{child | pid: pid} | state.children]}

                {:reply, ok(pid, info), state}

              {:error, reason} ->
                # OTP's shape: the reason and the child's record.
                {:reply, {:error, {reason, child_record(child)}}, state}
            end
        end

      {:error, reason} ->
        {:reply, {:error, reason}, state}
    end
  end

  def handle_call({:terminate_child, id}, _from, state) do
    case find(state.children, id) do
      nil ->
        {:reply, {:error, :not_found}, state}

      child ->
        shutdown(child)

        children =
          if child.restart == :temporary,
            do: remove(state.children, id),
            else: put(state.children, %{child | pid: :undefined})

        {:reply, :ok, %{state | children: children}}
    end
  end

  def handle_call({:restart_child, id}, _from, state) do
    case find(state.children, id) do
      nil ->
        {:reply, {:error, :not_found}, state}

      %{pid: pid} when is_pid(pid) ->
        {:reply, {:error, :running}, state}

      %{pid: :restarting} ->
        {:reply, {:error, :restarting}, state}

      child ->
        case start_child(child) do
          {:ok, pid, info} ->
            {:reply, ok(pid, info), %{state | children: put(state.children, %{child | pid: pid})}}

          {:error, reason} ->
            {:reply, {:error, reason}, state}
        end
    end
  end

  def handle_call({:delete_child, id}, _from, state) do
    case find(state.children, id) do
      nil -> {:reply, {:error, :not_found}, state}
      %{pid: pid} when is_pid(pid) -> {:reply, {:error, :running}, state}
      %{pid: :restarting} -> {:reply, {:error, :restarting}, state}
      _ -> {:reply, :ok, %{state | children: remove(state.children, id)}}
    end
  end

  defp ok(pid, nil), do: {:ok, pid}
  defp ok(pid, {info}), do: {:ok, pid, info}

  ## Exits and restarts

  def handle_info({:EXIT, pid, reason}, state) do
    case Enum.find(state.children, &(&1.pid == pid)) do
      nil -> {:noreply, state}
      child -> child_exited(child, reason, state)
    end
  end

  def handle_info({:"$restart", id}, state) do
    case find(state.children, id) do
      %{pid: :restarting} = child -> restart(child, state)
      _ -> {:noreply, state}
    end
  end

  def handle_info(_message, state), do: {:noreply, state}

  defp child_exited(child, reason, state) do
    cond do
      child.restart == :temporary ->
        {:noreply, %{state | children: remove(state.children, child.id)}}

      child.restart == :transient and normal_exit?(reason) ->
        {:noreply, %{state | children: put(state.children, %{child | pid: :undefined})}}

      true ->
        child = %{child | pid: :undefined}
        restart(child, %{state | children: put(state.children, child)})
    end
  end

  @doc false
  # Whether exit `reason` leaves a :transient child stopped.
  def normal_exit?(:normal), do: true
  def normal_exit?(:shutdown), do: true
  def normal_exit?({:shutdown, _}), do: true
  def normal_exit?(_), do: false

  defp restart(child, state) do
    case add_restart(state) do
      {:ok, state} -> restart_by_strategy(state.strategy, child, state)
      {:shutdown, state} -> {:stop, :shutdown, state}
    end
  end

  defp restart_by_strategy(:one_for_one, child, state) do
    case start_child(child) do
      {:ok, pid, _info} ->
        {:noreply, %{state | children: put(state.children, %{child | pid: pid})}}

      {:error, _reason} ->
        retry(child, state)
    end
  end

  defp restart_by_strategy(:rest_for_one, child, state) do
    # Newest first: the children started after `child` come before it.
    {after_child, [_ | before]} = Enum.split_while(state.children, &(&1.id != child.id))
    stopped = stop_all(after_child)
    restart_group([child | Enum.reverse(stopped)], before, state)
  end

  defp restart_by_strategy(:one_for_all, child, state) do
    others = Enum.reject(state.children, &(&1.id == child.id))
    stopped = stop_all(others)

    group =
      state.children
      |> Enum.reverse()
      |> Enum.flat_map(fn c ->
        if c.id == child.id, do: [child], else: Enum.filter(stopped, &(&1.id == c.id))
      end)

    restart_group(group, [], state)
  end

  # Stops children (newest first) for a group restart; temporary ones are
  # dropped.
  defp stop_all(children) do
    children
    |> Enum.map(fn c ->
      shutdown(c)
      %{c | pid: :undefined}
    end)
    |> Enum.reject(&(&1.restart == :temporary))
  end

  # Starts `group` (in start order) on top of `older` (newest first). On a
  # failure the failed child is retried and the rest wait for it.
  defp restart_group(group, older, state) do
    {children, failed} =
      Enum.reduce(group, {older, nil}, fn c, {acc, failed} ->
        if failed == nil do
          case start_child(c) do
            {:ok, pid, _} -> {[%{c | pid: pid} | acc], nil}
            {:error, _} -> {[%{c | pid: :restarting} | acc], c.id}
          end
        else
          {[c | acc], failed}
        end
      end)

    if failed != nil, do: send(self(), {:"$restart", failed})
    {:noreply, %{state | children: children}}
  end

  defp retry(child, state) do
    send(self(), {:"$restart", child.id})
    {:noreply, %{state | children: put(state.children, %{child | pid: :restarting})}}
  end

  # The restart window as a queue {length, front, back} of restart times
  # (seconds), oldest at the front: each restart appends its time and drops
  # the times older than the period, so the cost is O(1) amortized and the
  # queue never holds more than intensity + 1 entries. More restarts than
  # the intensity within the period stops the supervisor (OTP's
  # add_restart/1 rule: a restart at `then` counts while now - then <=
  # period).
  @doc false
  def add_restart(state) do
    now = System.monotonic_time(:second)
    {len, front, back} = state.restarts
    {len, front, back} = drop_old(len + 1, front, [now | back], now - state.period)
    state = %{state | restarts: {len, front, back}}
    if len <= state.intensity, do: {:ok, state}, else: {:shutdown, state}
  end

  defp drop_old(len, [], [], _oldest), do: {len, [], []}
  defp drop_old(len, [], back, oldest), do: drop_old(len, Enum.reverse(back), [], oldest)
  defp drop_old(len, [t | front], back, oldest) when t < oldest, do: drop_old(len - 1, front, back, oldest)
  defp drop_old(len, front, back, _oldest), do: {len, front, back}

  def terminate(_reason, state) do
    Enum.each(state.children, &shutdown/1)
  end

  ## Children list helpers (newest first)

  defp find(children, id), do: Enum.find(children, &(&1.id == id))

  defp put(children, child) do
    Enum.map(children, fn c -> if c.id == child.id, do: child, else: c end)
  end

  defp remove(children, id), do: Enum.reject(children, &(&1.id == id))
end
