import { SpanKind, type Attributes } from '@opentelemetry/api';
import { JsonTraceSerializer, ProtobufTraceSerializer } from '@opentelemetry/otlp-transformer';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
  type ReadableSpan,
} from '@opentelemetry/sdk-trace-base';

/**
 * GenAI spans as an instrumented app records them, made with the OpenTelemetry SDK itself and
 * serialized by its own OTLP serializers: four model calls and one tool call per trace, the
 * attributes a current OpenLLMetry or official instrumentation sets.
 */
export function genAiSpans(count: number, startMs: number): ReadableSpan[] {
  const exporter = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({
      'service.name': 'support-bot',
      'cut.team': 'support',
      'cut.workload_class': 'customer_support',
    }),
    spanProcessors: [new SimpleSpanProcessor(exporter)],
  });
  const tracer = provider.getTracer('bench-genai', '1.0.0');
  for (let i = 0; i < count; i++) {
    const at = startMs + i * 250;
    const tool = i % 5 === 4;
    const attributes: Attributes = tool
      ? {
          'gen_ai.operation.name': 'execute_tool',
          'gen_ai.tool.name': 'lookup_order',
          'gen_ai.tool.call.id': `call_${i}`,
        }
      : {
          'gen_ai.operation.name': 'chat',
          'gen_ai.provider.name': 'openai',
          'gen_ai.request.model': 'gpt-4o-mini',
          'gen_ai.response.model': 'gpt-4o-mini-2024-07-18',
          'gen_ai.response.id': `chatcmpl-${i}`,
          'gen_ai.response.finish_reasons': ['stop'],
          'gen_ai.usage.input_tokens': 1200 + (i % 300),
          'gen_ai.usage.cache_read.input_tokens': 400,
          'gen_ai.usage.output_tokens': 180 + (i % 50),
          'gen_ai.response.time_to_first_chunk': 0.25,
          'gen_ai.conversation.id': `conv-${Math.floor(i / 5)}`,
          'server.address': 'api.openai.com',
        };
    const span = tracer.startSpan(tool ? 'execute_tool lookup_order' : 'chat gpt-4o-mini', {
      kind: tool ? SpanKind.INTERNAL : SpanKind.CLIENT,
      attributes,
      startTime: new Date(at),
    });
    span.end(new Date(at + 850));
  }
  return exporter.getFinishedSpans();
}

export function serialize(spans: ReadableSpan[], encoding: 'json' | 'protobuf'): Uint8Array {
  const serializer = encoding === 'json' ? JsonTraceSerializer : ProtobufTraceSerializer;
  return serializer.serializeRequest(spans)!;
}
