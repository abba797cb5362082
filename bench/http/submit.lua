-- wrk script: POST a review submission to /v1/reviews with a new case id each time (thread id and counter),
-- and run (FASHEN_RUN), so every request opens a new review: how a store fills up with reviews.
-- thread_id is a global each thread gets from setup (a local here would hide it).
local counter = 0
local threads = {}

function setup(thread)
  thread:set("thread_id", #threads)
  table.insert(threads, thread)
end

function request()
  counter = counter + 1
  local case_id = string.format("桓市监罚〔2026〕%s-%d-%07d号", os.getenv("FASHEN_RUN") or "0", thread_id, counter)
  local body = string.format([[{"decision":{"caseId":"%s","department":"scjg","action":"行政处罚","procedure":"一般程序","proposedOn":"2026-09-28",
"facts":{"party_type":"法人","field":"食品安全","fine_amount":60000,"confiscation_amount":0,"penalty_kinds":["罚款"],"discretion_adjustment":"无","impact":"一般"}},
"materials":["重大执法决定法制审核送审表","案件调查终结报告（载明基本事实、适用依据、裁量基准执行情况、执法人员资格）","拟作出的行政执法决定书（代拟稿）","证据材料"],
"submittedBy":"王强","handledBy":["王强","刘洋"]}]], case_id)
  return wrk.format("POST", nil, {["Content-Type"] = "application/json", ["X-Api-Key"] = os.getenv("FASHEN_KEY")}, body)
end
