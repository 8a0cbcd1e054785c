import { execFileSync } from 'node:child_process'
import fs from 'node:fs'

let clockTicks: number | undefined

/** CPU time (user + system) and resident memory of a process, from /proc (Linux). */
export function procStats(pid: number): { cpuMs: number; rssBytes: number } {
  clockTicks ??= Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
  // Fields after the command's closing parenthesis: state is the 3rd, utime the 14th, stime 15th.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  const ticks = Number(fields[11]) + Number(fields[12])
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8')
  const rssKb = Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? NaN)
  return { cpuMs: (ticks / clockTicks) * 1000, rssBytes: rssKb * 1024 }
}
